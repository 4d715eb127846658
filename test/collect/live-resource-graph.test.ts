import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeArm } from '../fake-arm/server.js';
import { loadTenant, serveTenant } from './live-equivalence.js';
import { GRAPH_PATH, graphRequests, onlyGetsAndGraphPosts, sameAcrossInventories, scanJson as scan, TOP_LEVEL_LIST } from './live-graph.js';
import { demoSnapshot, runLive, startDemoArm } from './live-cli.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../cli/run-cli.js';

// Resource Graph for the inventory, ARM for the rest, against the fake ARM server through the
// real SDK clients: the same report as ARM lists give, the one POST allowed, and a Graph that
// refuses, throttles or pages badly never turning into an empty estate.

const [S1, S2] = demoSnapshot().subscriptions.map((sub) => sub.subscriptionId) as [string, string];

let arm: FakeArm;
beforeAll(async () => {
  arm = await startDemoArm();
});
afterAll(() => arm.close());
afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
});

describe('--inventory resource-graph: top-level resources from Graph, children through ARM', () => {
  it('reports what --inventory arm reports, sending only GETs and Graph POSTs', async () => {
    const viaArm = await scan(arm, ['--inventory', 'arm']);
    expect(viaArm.report.source.inventory).toBe('arm');
    expect(graphRequests(arm)).toEqual([]);
    const viaGraph = await scan(arm, ['--inventory', 'resource-graph']);
    expect(viaGraph.stderr).toBe('');
    expect(viaGraph.status).toBe(viaArm.status);
    expect(sameAcrossInventories(viaGraph.report)).toEqual(sameAcrossInventories(viaArm.report));
    expect(viaGraph.report.source).toMatchObject({ kind: 'live', inventory: 'resource-graph', inventoryQueriedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    for (const request of arm.requests) {
      expect(request.authorization).toBe('valid');
      if (request.method === 'POST') expect(request.path).toBe(GRAPH_PATH);
      else expect(request.method).toBe('GET');
    }
    const posts = graphRequests(arm);
    expect(posts).toHaveLength(1); // two subscriptions, one batch, one page
    expect(posts[0]?.query).toBe('api-version=2022-10-01');
    expect(JSON.parse(posts[0]?.body ?? '{}').subscriptions.sort()).toEqual([S1, S2].sort());
    // `collect --plan` says what is sent: the same query, path and api-version.
    const planned = JSON.parse(runCli(['collect', '--plan', '--format', 'json']).stdout).resourceGraph;
    expect(JSON.parse(posts[0]?.body ?? '{}').query).toBe(planned.query);
    expect([posts[0]?.path, posts[0]?.query]).toEqual([planned.path, `api-version=${planned.apiVersion}`]);
    // No top-level list went to ARM; the children of what Graph listed did.
    expect(arm.requests.filter((request) => TOP_LEVEL_LIST.test(request.path))).toEqual([]);
    expect(arm.requests.some((request) => /transparentDataEncryption\/current$/i.test(request.path))).toBe(true);
    expect(arm.requests.some((request) => /blobServices\/default$/i.test(request.path))).toBe(true);
    expect(arm.requests.some((request) => /diagnosticSettings$/i.test(request.path))).toBe(true);
  }, 120_000);

  // Every tenant fixture: together they hold every type azscan takes from Graph, with their children.
  const TENANTS = ['catalogue-a', 'catalogue-b', 'appservice', 'compute', 'containers', 'cosmos-redis', 'flexible-servers', 'kv-logging'];
  it.each(TENANTS)('on the %s tenant, the same report as ARM lists, with no top-level list sent to ARM', async (name) => {
    const tenant = loadTenant(join(ROOT, 'fixtures', 'live', `${name}-tenant.json`));
    const server = await serveTenant(tenant, { pageSize: 2, graphPageSize: 5 });
    try {
      const viaArm = await scan(server, ['--inventory', 'arm']);
      const viaGraph = await scan(server, ['--inventory', 'resource-graph']);
      expect(viaGraph.stderr).toBe('');
      expect(viaGraph.status).toBe(viaArm.status);
      expect(viaArm.report.findings.length).toBeGreaterThan(0);
      expect(sameAcrossInventories(viaGraph.report)).toEqual(sameAcrossInventories(viaArm.report));
      expect(graphRequests(server).length).toBeGreaterThan(0);
      expect(onlyGetsAndGraphPosts(server)).toBe(true);
      expect(server.requests.filter((request) => TOP_LEVEL_LIST.test(request.path))).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('exposure through Graph lists what it lists through ARM', async () => {
    const viaArm = await runLive(arm, ['exposure', '--format', 'json', '--inventory', 'arm']);
    arm.resetRequests();
    const viaGraph = await runLive(arm, ['exposure', '--format', 'json', '--inventory', 'resource-graph']);
    expect(viaGraph.status).toBe(viaArm.status);
    const [fromArm, fromGraph] = [JSON.parse(viaArm.stdout), JSON.parse(viaGraph.stdout)];
    expect(fromGraph.source.inventory).toBe('resource-graph');
    expect(fromGraph.endpoints).toEqual(fromArm.endpoints);
    expect(fromGraph.platformEndpoints).toEqual(fromArm.platformEndpoints);
    expect(fromGraph.endpoints.length).toBeGreaterThan(0);
    expect(graphRequests(arm)).toHaveLength(1);
    expect(onlyGetsAndGraphPosts(arm)).toBe(true);
  }, 120_000);

  it('collect records the inventory and the query time in the snapshot, and a scan of it reports them; --inventory is refused with --snapshot', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'azscan-graph-')), 'estate.json');
    const collect = await runLive(arm, ['collect', '--quiet', '--inventory', 'resource-graph', '--output', path]);
    expect(collect.status).toBe(0);
    expect(onlyGetsAndGraphPosts(arm)).toBe(true);
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    expect(snapshot).toMatchObject({ inventory: 'resource-graph', inventoryQueriedAt: expect.any(String), errors: [] });
    expect(Date.parse(snapshot.inventoryQueriedAt)).toBeLessThanOrEqual(Date.parse(snapshot.collectedAt));
    const offline = runCli(['scan', '--snapshot', path, '--format', 'json']);
    expect(JSON.parse(offline.stdout).source).toMatchObject({ kind: 'snapshot', inventory: 'resource-graph', inventoryQueriedAt: snapshot.inventoryQueriedAt });

    const refused = await runLive(arm, ['scan', '--snapshot', path, '--inventory', 'arm']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--inventory.*--snapshot/);
  }, 120_000);
});
