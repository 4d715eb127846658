/**
 * The virtual machine, disk and bastion rules and the storage rules of issue 11, read live
 * through the real pipeline (VMs through @azure/arm-compute, disks and bastion hosts by path,
 * storage accounts through @azure/arm-storage) from a fake ARM serving
 * `fixtures/live/compute-tenant.json`: the live scan must report what a scan of the same file
 * does, not-evaluated entries included, with GET requests only.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant } from './live-equivalence.js';
import { runLive } from './live-cli.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'compute-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

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

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes the lists of VMs, disks and accounts follow nextLink.
  arm = await serveTenant(TENANT, { pageSize: 2 });
});
afterAll(() => arm.close());

describe('virtual machine, disk, bastion and storage rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_UNREADABLE_INPUT.includes(id) });
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
    // Never a disk's SAS (beginGetAccess).
    await expectCollectsTenantBack(arm, TENANT, RULE_IDS, { alsoForbidden: /beginGetAccess/i });
  });
});
