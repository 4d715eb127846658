/**
 * The Cosmos DB and Redis rules read live, by ARM path, through the real pipeline and the fake
 * ARM server must report exactly what they report on the same tenant as a snapshot: the
 * account and cache lists and each cache's firewall rules must come back as the snapshot holds
 * them, with nothing but GET requests.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant } from './live-equivalence.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'cosmos-redis-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

const RULE_IDS = ['AZ-COS-001', 'AZ-COS-002', 'AZ-COS-003', 'AZ-COS-004', 'AZ-COS-005', 'AZ-RED-001', 'AZ-RED-002', 'AZ-RED-003', 'AZ-RED-004'];
/** The rules the tenant gives a malformed value to (an IP rule, a TLS version, a firewall rule), so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = ['AZ-COS-001', 'AZ-RED-002', 'AZ-RED-003'];

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes every list (accounts, caches, a cache's firewall rules) follow nextLink.
  arm = await serveTenant(TENANT, { pageSize: 2 });
});
afterAll(() => arm.close());

describe('Cosmos DB and Redis rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_MALFORMED_INPUT.includes(id) });
    });
  }

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    await expectCollectsTenantBack(arm, TENANT, RULE_IDS, { moreRequestsThan: 10 });
  });
});
