/**
 * The Key Vault, logging and network rules of issue 11, read live through the real pipeline and
 * the fake ARM server, must report exactly what they report on the same tenant as a snapshot,
 * with GET requests only: vault keys and secrets, Application Insights components, Log Analytics
 * workspaces, Network Watchers and flow logs, each read by ARM path.
 *
 * The fake server adds a `value` to every secret it serves, as a canary: ARM documents a
 * secret's value as never returned by its management plane, and if it ever were, azscan's reader
 * must drop it before it reaches a snapshot, a report or any other output.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot, type SnapshotLike } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'kv-logging-tenant.json');
type Resource = { id: string; type: string; properties?: Record<string, unknown> };
const TENANT = JSON.parse(readFileSync(TENANT_FILE, 'utf8')) as Omit<SnapshotLike, 'resources'> & { collected: string[]; resources: Resource[] };

/** What the fake server serves for every secret beside its metadata; it must never come out of azscan. */
const CANARY = 'azscan-canary-secret-value-0f3e9c';

/** The tenant as the fake server serves it: each secret with a `value`, and a key with a `value` and key material too. */
function servedTenant(): SnapshotLike {
  const resources = (TENANT.resources as Resource[]).map((resource): Resource => {
    const type = resource.type.toLowerCase();
    if (type === 'microsoft.keyvault/vaults/secrets') return { ...resource, properties: { ...resource.properties, value: `${CANARY}-${resource.id.split('/').at(-1)}` } };
    if (type === 'microsoft.keyvault/vaults/keys') return { ...resource, properties: { ...resource.properties, value: CANARY, key: { kty: 'RSA', n: CANARY, d: CANARY } } };
    return resource;
  });
  return { ...TENANT, resources };
}

const RULE_IDS = ['AZ-KV-004', 'AZ-KV-005', 'AZ-KV-006', 'AZ-KV-007', 'AZ-MON-012', 'AZ-MON-009', 'AZ-MON-010', 'AZ-MON-011', 'AZ-NSG-006', 'AZ-NET-002', 'AZ-NET-003'];
/** The rules the tenant gives a malformed value to, so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = ['AZ-KV-004', 'AZ-KV-005', 'AZ-KV-006', 'AZ-KV-007', 'AZ-MON-012', 'AZ-MON-009', 'AZ-NSG-006', 'AZ-NET-002'];

interface Report {
  source: { kind: string };
  findings: Array<{ fingerprint: string; ruleId: string }>;
  notEvaluated: Array<{ ruleId?: string; resourceId?: string; code: string }>;
}

/** A report without its source, its findings and not-evaluated entries in an order that does not depend on reading order. */
function comparable(report: Report) {
  return {
    ...report,
    source: undefined,
    findings: [...report.findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
    notEvaluated: [...report.notEvaluated].sort((a, b) => `${a.ruleId}|${a.resourceId}|${a.code}`.localeCompare(`${b.ruleId}|${b.resourceId}|${b.code}`)),
  };
}

/** Whether the tenant's `collected` names a resource's type: the blob service is there for the whole catalogue's plan (live-plan.test.ts), not for these rules. */
function isCollected(resource: Resource): boolean {
  const type = resource.type.toLowerCase();
  return TENANT.collected.some((entry) => entry.toLowerCase() === type || entry.toLowerCase().startsWith(`${type}@`));
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes every list (vaults, keys, secrets, flow logs…) follow nextLink.
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(servedTenant()), token: TOKEN, pageSize: 2 });
});
afterAll(() => arm.close());

describe('Key Vault, logging and network rules of issue 11, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      arm.resetRequests();
      const live = await runLive(arm, ['scan', '--rule', id, '--format', 'json']);
      const offline = runCli(['scan', '--snapshot', TENANT_FILE, '--rule', id, '--format', 'json']);
      expect(live.stderr).toBe('');
      expect(live.status).toBe(offline.status);
      const liveReport = JSON.parse(live.stdout) as Report;
      const offlineReport = JSON.parse(offline.stdout) as Report;
      expect(liveReport.source.kind).toBe('live');
      expect(comparable(liveReport)).toEqual(comparable(offlineReport));
      expect(liveReport.findings.length).toBeGreaterThan(0);
      expect(new Set(liveReport.findings.map((finding) => finding.ruleId))).toEqual(new Set([id]));
      expect(liveReport.notEvaluated.length > 0).toBe(WITH_MALFORMED_INPUT.includes(id));
      expect(live.stdout).not.toContain(CANARY);
      expect(arm.requests.map((request) => request.method).filter((method) => method !== 'GET')).toEqual([]);
    });
  }

  it('collects the tenant back as it is, every secret value and key material dropped, with GET requests only', async () => {
    arm.resetRequests();
    const path = join(mkdtempSync(join(tmpdir(), 'azscan-kv-logging-')), 'collected.json');
    const collect = await runLive(arm, ['collect', '--output', path, ...RULE_IDS.flatMap((id) => ['--rule', id])]);
    expect(collect.stderr).not.toContain(CANARY);
    expect(collect.stdout).not.toContain(CANARY);
    expect(collect.status).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(CANARY);
    const snapshot = JSON.parse(text) as { collected: string[]; resources: Resource[]; errors: unknown[] };
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.collected).toEqual(TENANT.collected);
    expect(byId(snapshot.resources)).toEqual(byId(TENANT.resources.filter(isCollected)));
    // The fake server did serve the canary: the reader is what kept it out.
    expect(arm.requests.some((request) => /\/secrets$/i.test(request.path))).toBe(true);
    for (const request of arm.requests) {
      expect(request.method).toBe('GET');
      expect(request.authorization).toBe('valid');
      expect(request.path).not.toMatch(/listkeys|\/list[A-Z]|regeneratekey|vault\.azure\.net/i);
    }
  });

  it('shows no secret value in any output format of a live scan', async () => {
    for (const format of ['json', 'sarif', 'table', 'junit', 'csv', 'markdown', 'html']) {
      const live = await runLive(arm, ['scan', '--rule', 'AZ-KV-005', '--rule', 'AZ-KV-004', '--format', format]);
      expect(live.stderr).toBe('');
      expect(`${live.stdout}${live.stderr}`, format).not.toContain(CANARY);
    }
  });
});
