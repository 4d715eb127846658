/**
 * The PostgreSQL and MySQL flexible server rules (read by ARM path) and the SQL TDE protector
 * rule, read live through the real pipeline and the fake ARM server, must report exactly what
 * they report on the same tenant as a snapshot: the readers of servers, firewall rules and
 * server parameters (paged: the server pages every list by 2) must return what a snapshot holds,
 * with nothing but GET requests.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot, type SnapshotLike } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'flexible-servers-tenant.json');
const TENANT = JSON.parse(readFileSync(TENANT_FILE, 'utf8')) as SnapshotLike & { collected: string[]; resources: Array<{ id: string; type: string }> };

const RULE_IDS = [
  'AZ-PG-001',
  'AZ-PG-002',
  'AZ-PG-003',
  'AZ-PG-004',
  'AZ-PG-005',
  'AZ-PG-006',
  'AZ-PG-007',
  'AZ-PG-008',
  'AZ-MY-001',
  'AZ-MY-002',
  'AZ-MY-003',
  'AZ-MY-004',
  'AZ-MY-005',
  'AZ-MY-006',
  'AZ-SQL-011',
];
/** The rules the tenant gives a malformed value to, so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = RULE_IDS.filter((id) => id !== 'AZ-PG-002' && id !== 'AZ-PG-003');

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
    notEvaluated: [...report.notEvaluated].sort((a, b) => `${a.ruleId}|${a.resourceId}`.localeCompare(`${b.ruleId}|${b.resourceId}`)),
  };
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes every list (servers, firewall rules, parameters) follow nextLink.
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(TENANT), token: TOKEN, pageSize: 2 });
});
afterAll(() => arm.close());

describe('flexible server and TDE protector rules, read live', () => {
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
      expect(arm.requests.map((request) => request.method).filter((method) => method !== 'GET')).toEqual([]);
    });
  }

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    arm.resetRequests();
    const path = join(mkdtempSync(join(tmpdir(), 'azscan-flexible-servers-')), 'collected.json');
    const collect = await runLive(arm, ['collect', '--quiet', '--output', path, ...RULE_IDS.flatMap((id) => ['--rule', id])]);
    expect(collect.stderr).toBe('');
    expect(collect.status).toBe(0);
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { collected: string[]; resources: Array<{ id: string }>; errors: unknown[] };
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.collected).toEqual(TENANT.collected);
    // The SQL servers' other singleton children are there for the whole catalogue's plan test; these rules do not read them.
    const read = new Set(TENANT.collected.map((type) => type.toLowerCase()));
    expect(byId(snapshot.resources)).toEqual(byId((TENANT.resources as Array<{ id: string; type: string }>).filter((resource) => read.has(resource.type.toLowerCase()))));
    expect(arm.requests.length).toBeGreaterThan(30);
    for (const request of arm.requests) {
      expect(request.method).toBe('GET');
      expect(request.authorization).toBe('valid');
      expect(request.path).not.toMatch(/listkeys|\/list[A-Z]|regeneratekey/i);
    }
  });
});
