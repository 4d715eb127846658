/**
 * The catalogue-A rules (SQL, storage, Key Vault, Event Hubs) read live through the real SDK
 * clients and the fake ARM server must report exactly what they report on the same tenant as
 * a snapshot: the readers of the new child types must return what a snapshot holds, and the
 * plan must read what each rule lists, with nothing but GET requests.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant } from './live-equivalence.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'catalogue-a-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

const RULE_IDS = [
  'AZ-SQL-005',
  'AZ-SQL-006',
  'AZ-SQL-007',
  'AZ-SQL-008',
  'AZ-SQL-009',
  'AZ-SQL-010',
  'AZ-STG-006',
  'AZ-STG-007',
  'AZ-STG-008',
  'AZ-STG-009',
  'AZ-STG-010',
  'AZ-STG-011',
  'AZ-STG-012',
  'AZ-KV-001',
  'AZ-KV-002',
  'AZ-KV-003',
  'AZ-EVH-001',
  'AZ-EVH-002',
  'AZ-EVH-003',
];
/** The rules the tenant gives a malformed value to, so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = ['AZ-SQL-009', 'AZ-STG-007', 'AZ-KV-002', 'AZ-EVH-003'];

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes every list (servers, administrators, vaults…) follow nextLink.
  arm = await serveTenant(TENANT, { pageSize: 2 });
});
afterAll(() => arm.close());

describe('catalogue A rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_MALFORMED_INPUT.includes(id) });
    });
  }

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    await expectCollectsTenantBack(arm, TENANT, RULE_IDS, { moreRequestsThan: 40 });
  });
});
