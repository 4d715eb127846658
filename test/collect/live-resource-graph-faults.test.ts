import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeArm, FakeArmOptions } from '../fake-arm/server.js';
import { demoSnapshot, startDemoArm } from './live-cli.js';
import { GRAPH_PATH, graphRequests, onlyGetsAndGraphPosts, sameAcrossInventories, scanJson as scan } from './live-graph.js';
import { serveTenant } from './live-equivalence.js';

// A Resource Graph that refuses, throttles, pages or answers badly: the scan falls back to ARM
// lists (and says so), or reports what it could not read — never an empty, clean estate.

const [S1, S2] = demoSnapshot().subscriptions.map((sub) => sub.subscriptionId).sort() as [string, string];
const GRAPH = GRAPH_PATH;

let arm: FakeArm;
/** The report of --inventory arm on the demo tenant: what every fallback must equal. */
let viaArm: Awaited<ReturnType<typeof scan>>;
beforeAll(async () => {
  arm = await startDemoArm();
  viaArm = await scan(arm, ['--inventory', 'arm']);
}, 120_000);
afterAll(() => arm.close());
afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
});

async function withServer(options: Partial<FakeArmOptions>, test: (server: FakeArm) => Promise<void>): Promise<void> {
  const server = await startDemoArm(options);
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

describe('Graph denied or throttled out: ARM lists instead, and the report says so', () => {
  it('403 on the Graph query: the same findings through ARM lists, a warning, source.inventory arm with the fallback listed', async () => {
    const { status, stderr, report } = await scan(arm, ['--inventory', 'resource-graph'], [{ match: GRAPH, kind: '403' }]);
    expect(status).toBe(viaArm.status);
    expect(sameAcrossInventories(report)).toEqual(sameAcrossInventories(viaArm.report));
    expect(stderr).toMatch(/^azscan: warning: Resource Graph's query failed for 2 subscriptions \(AuthorizationFailed: 403: .*\); their resources were listed through ARM instead\n$/);
    expect(report.source.inventory).toBe('arm');
    expect(report.source.inventoryFallback?.map((entry) => [entry.subscriptionId, entry.code])).toEqual([
      [S1, 'AuthorizationFailed'],
      [S2, 'AuthorizationFailed'],
    ]);
    expect(graphRequests(arm)).toHaveLength(1); // a 403 is not retried
    expect(onlyGetsAndGraphPosts(arm)).toBe(true);
  }, 120_000);

  it('429s past the retries: falls back to ARM lists, complete, with a warning', async () => {
    const { status, stderr, report } = await scan(arm, ['--inventory', 'resource-graph'], [{ match: GRAPH, kind: '429', retryAfterSeconds: 0 }]);
    expect(status).toBe(viaArm.status);
    expect(report.summary.complete).toBe(true);
    expect(sameAcrossInventories(report)).toEqual(sameAcrossInventories(viaArm.report));
    expect(stderr).toMatch(/warning: Resource Graph's query failed .*TooManyRequests.*still failing after retries.*listed through ARM instead/);
    expect(graphRequests(arm).length).toBeGreaterThan(1); // retried first
    expect(report.source.inventory).toBe('arm');
  }, 120_000);

  it('throttled out with ARM failing too: the failed reads are not evaluated, exit 3, never a clean scan', async () => {
    const faults = [
      { match: GRAPH, kind: '429' as const, retryAfterSeconds: 0 },
      { match: /\/providers\/Microsoft\.Network\/networkSecurityGroups$/, kind: '403' as const },
    ];
    const { status, report } = await scan(arm, ['--inventory', 'resource-graph', '--retry-budget', '2'], faults);
    expect(status).toBe(3);
    expect(report.summary.complete).toBe(false);
    const nsgEntries = report.notEvaluated.filter((entry) => entry.ruleId === 'AZ-NSG-001');
    expect(nsgEntries.map((entry) => [entry.resourceId, entry.code]).sort()).toEqual([
      [`/subscriptions/${S1}`, 'AuthorizationFailed'],
      [`/subscriptions/${S2}`, 'AuthorizationFailed'],
    ]);
    expect(report.findings.length).toBeGreaterThan(0); // what ARM could read is still reported
  }, 120_000);
});

describe('Graph answers that cannot be trusted are failed reads, never zero resources', () => {
  for (const kind of ['malformed', 'badRows'] as const) {
    it(`a Graph answer that cannot be read (${kind}): every Graph type of the batch is not evaluated, exit 3`, async () => {
      const { status, report } = await scan(arm, ['--inventory', 'resource-graph'], [{ match: GRAPH, kind }]);
      expect(status).toBe(3);
      expect(report.summary.complete).toBe(false);
      const codes = new Set(report.notEvaluated.map((entry) => entry.code));
      expect(codes).toContain('MalformedResponse');
      expect(report.notEvaluated).toContainEqual(expect.objectContaining({ ruleId: 'AZ-NSG-001', resourceId: `/subscriptions/${S1}`, code: 'MalformedResponse' }));
      expect(report.source.inventory).toBe('resource-graph');
    }, 120_000);
  }

  it('a $skipToken that loops: paging stops, the rows read are kept, the types are reported as failed', async () => {
    await withServer({ graphPageSize: 3 }, async (server) => {
      const { status, report } = await scan(server, ['--inventory', 'resource-graph'], [{ match: GRAPH, kind: 'nextLinkLoop' }]);
      expect(status).toBe(3);
      expect(report.notEvaluated.some((entry) => entry.code === 'SkipTokenLoop')).toBe(true);
      // The loop is caught the second time the token comes back: two pages, not forever.
      expect(graphRequests(server)).toHaveLength(2);
      expect(report.findings.length).toBeGreaterThan(0);
    });
  }, 120_000);
});

describe('paging and the per-user quota', () => {
  it('pages by $skipToken (4 rows a page here): the same report as ARM lists', async () => {
    await withServer({ graphPageSize: 4 }, async (server) => {
      const { report, status } = await scan(server, ['--inventory', 'resource-graph']);
      expect(status).toBe(viaArm.status);
      expect(sameAcrossInventories(report)).toEqual(sameAcrossInventories(viaArm.report));
      const posts = graphRequests(server).map((request) => JSON.parse(request.body ?? '{}').options);
      expect(posts.length).toBeGreaterThanOrEqual(3);
      expect(posts[0]).toEqual({ $top: 1000, resultFormat: 'objectArray' });
      expect(posts.slice(1).every((options) => typeof options.$skipToken === 'string')).toBe(true);
      expect(new Set(posts.slice(1).map((options) => options.$skipToken)).size).toBe(posts.length - 1);
    });
  }, 120_000);

  it('pages of 1,000 rows: 2,100 network security groups in three queries', async () => {
    const subscriptions = [S1, S2].map((subscriptionId) => ({ subscriptionId, displayName: subscriptionId, state: 'Enabled' }));
    const resources = Array.from({ length: 2100 }, (_, i) => ({
      id: `/subscriptions/${i % 2 === 0 ? S1 : S2}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg-${i}`,
      name: `nsg-${i}`,
      type: 'Microsoft.Network/networkSecurityGroups',
      location: 'westeurope',
      properties: { securityRules: [{ name: 'ssh', properties: { access: 'Allow', direction: 'Inbound', protocol: 'Tcp', sourceAddressPrefix: '*', destinationPortRange: '22', priority: 100 } }] },
    }));
    const server = await serveTenant({ subscriptions, resources });
    try {
      const { report } = await scan(server, ['--inventory', 'resource-graph', '--rule', 'AZ-NSG-001']);
      expect(report.findings).toHaveLength(2100);
      expect(graphRequests(server)).toHaveLength(3);
      expect(server.requests.filter((request) => request.method === 'GET').map((request) => request.path)).toEqual(['/subscriptions']);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('waits for the quota to reset once none is left, rather than drawing a 429', async () => {
    // Two queries a second for this identity, and a page of 4 rows: the demo tenant takes several windows.
    await withServer({ graphPageSize: 4, graphQuota: { capacity: 2, windowSeconds: 1 } }, async (server) => {
      const { report, status } = await scan(server, ['--inventory', 'resource-graph']);
      expect(status).toBe(viaArm.status);
      expect(sameAcrossInventories(report)).toEqual(sameAcrossInventories(viaArm.report));
      const posts = graphRequests(server);
      expect(posts.length).toBeGreaterThan(2);
      // Every query was admitted: after each second one, azscan waited for the window to reset.
      expect(posts.map((request) => request.status)).toEqual(posts.map(() => 200));
    });
  }, 120_000);
});
