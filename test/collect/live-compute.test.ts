/**
 * The virtual machine, disk and bastion rules and the storage rules of issue 11, read live
 * through the real pipeline (VMs through @azure/arm-compute, disks and bastion hosts by path,
 * storage accounts through @azure/arm-storage) from a fake ARM serving
 * `fixtures/live/compute-tenant.json`: the live scan must report what a scan of the same file
 * does, not-evaluated entries included, with GET requests only.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot, type SnapshotLike } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'compute-tenant.json');
const TENANT = JSON.parse(readFileSync(TENANT_FILE, 'utf8')) as SnapshotLike & { collected: string[]; resources: Array<{ id: string }> };

const RULE_IDS = [
  'AZ-VM-001',
  'AZ-VM-002',
  'AZ-VM-003',
  'AZ-VM-004',
  'AZ-VM-005',
  'AZ-VM-006',
  'AZ-VM-007',
  'AZ-VM-008',
  'AZ-STG-013',
  'AZ-STG-014',
  'AZ-STG-015',
  'AZ-STG-016',
  'AZ-STG-017',
];
/**
 * The rules the tenant gives a malformed value to (or, for AZ-STG-016, a key whose age nothing
 * records), so that not-evaluated entries are compared too.
 */
const WITH_UNREADABLE_INPUT = ['AZ-VM-002', 'AZ-VM-003', 'AZ-VM-005', 'AZ-VM-007', 'AZ-STG-016', 'AZ-STG-017'];

interface Report {
  source: { kind: string };
  findings: Array<{ fingerprint: string; ruleId: string }>;
  notEvaluated: Array<{ ruleId?: string; resourceId?: string; code: string }>;
}

/** A report without its source, its entries in an order that does not depend on reading order. */
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
  // A small page size makes the lists of VMs, disks and accounts follow nextLink.
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(TENANT), token: TOKEN, pageSize: 2 });
});
afterAll(() => arm.close());

describe('virtual machine, disk, bastion and storage rules, read live', () => {
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
      expect(liveReport.notEvaluated.length > 0).toBe(WITH_UNREADABLE_INPUT.includes(id));
      expect(arm.requests.map((request) => request.method).filter((method) => method !== 'GET')).toEqual([]);
    });
  }

  it('reads disks and bastion hosts by path at their api-versions, once per subscription', async () => {
    arm.resetRequests();
    const run = await runLive(arm, ['scan', '--rule', 'AZ-VM-008', '--rule', 'AZ-VM-004', '--format', 'json']);
    expect(run.stderr).toBe('');
    const firstPages = (suffix: string) => arm.requests.filter((request) => request.path.endsWith(suffix) && !new URLSearchParams(request.query).has('$skiptoken'));
    const versions = (suffix: string) => new Set(arm.requests.filter((request) => request.path.endsWith(suffix)).map((request) => new URLSearchParams(request.query).get('api-version')));
    expect(firstPages('/providers/Microsoft.Network/bastionHosts').length).toBe(2);
    expect(versions('/providers/Microsoft.Network/bastionHosts')).toEqual(new Set(['2024-05-01']));
    expect(versions('/providers/Microsoft.Compute/disks')).toEqual(new Set(['2025-01-02']));
  });

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    arm.resetRequests();
    const path = join(mkdtempSync(join(tmpdir(), 'azscan-compute-')), 'collected.json');
    const collect = await runLive(arm, ['collect', '--quiet', '--output', path, ...RULE_IDS.flatMap((id) => ['--rule', id])]);
    expect(collect.stderr).toBe('');
    expect(collect.status).toBe(0);
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { collected: string[]; resources: Array<{ id: string }>; errors: unknown[] };
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.collected).toEqual(TENANT.collected);
    expect(byId(snapshot.resources)).toEqual(byId(TENANT.resources));
    for (const request of arm.requests) {
      expect(request.method).toBe('GET');
      expect(request.authorization).toBe('valid');
      expect(request.path).not.toMatch(/listkeys|\/list[A-Z]|regeneratekey|beginGetAccess/i);
    }
  });
});
