/**
 * The PostgreSQL and MySQL flexible server rules (read by ARM path) and the SQL TDE protector
 * rule, read live through the real pipeline and the fake ARM server, must report exactly what
 * they report on the same tenant as a snapshot: the readers of servers, firewall rules and
 * server parameters (paged: the server pages every list by 2) must return what a snapshot holds,
 * with nothing but GET requests.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant } from './live-equivalence.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'flexible-servers-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

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

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes every list (servers, firewall rules, parameters) follow nextLink.
  arm = await serveTenant(TENANT, { pageSize: 2 });
});
afterAll(() => arm.close());

describe('flexible server and TDE protector rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_MALFORMED_INPUT.includes(id) });
    });
  }

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    // The SQL servers' other singleton children are there for the whole catalogue's plan test; these rules do not read them.
    const read = new Set(TENANT.collected.map((type) => type.toLowerCase()));
    await expectCollectsTenantBack(arm, TENANT, RULE_IDS, { expectedResources: TENANT.resources.filter((resource) => read.has(resource.type.toLowerCase())), moreRequestsThan: 30 });
  });
});
