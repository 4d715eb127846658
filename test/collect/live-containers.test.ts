/**
 * The AKS and Container Registry rules read live, by ARM path through the real pipeline and the
 * fake ARM server, must report exactly what they report on the same tenant as a snapshot: the
 * readers must return the clusters and registries as a snapshot holds them, with nothing but
 * GET requests (never listClusterAdminCredential or listCredentials).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant } from './live-equivalence.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'containers-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

const RULE_IDS = ['AZ-AKS-001', 'AZ-AKS-002', 'AZ-AKS-003', 'AZ-AKS-004', 'AZ-AKS-005', 'AZ-AKS-006', 'AZ-ACR-001', 'AZ-ACR-002', 'AZ-ACR-003'];
/** The rules the tenant gives a malformed value to, so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = ['AZ-AKS-001', 'AZ-AKS-005', 'AZ-ACR-003'];

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes both lists (five clusters, five registries) follow nextLink.
  arm = await serveTenant(TENANT, { pageSize: 2 });
});
afterAll(() => arm.close());

describe('AKS and Container Registry rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_MALFORMED_INPUT.includes(id) });
    });
  }

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    // Never listClusterAdminCredential, listCredentials or any other credential path.
    await expectCollectsTenantBack(arm, TENANT, RULE_IDS, { alsoForbidden: /credential/i });
    // Each subscription lists both types: five resources of one (three pages of two) and none of the other (one page).
    expect(arm.requests.filter((request) => /managedClusters|registries/i.test(request.path)).length).toBe(8);
  });
});
