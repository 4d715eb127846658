/**
 * The Defender for Cloud, security contact, custom role and security solution alert rules read
 * live, by ARM path, from a fake ARM serving `fixtures/live/security-tenant.json`: the live scan
 * must report what a scan of the same file reports, with GET requests only, at the api-versions
 * the readers declare, role definitions narrowed to custom roles by ARM's `$filter`, and of
 * Defender's assessments only the system-updates ones kept.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_UPDATES_ASSESSMENT_KEYS } from '../../src/inventory/arm-types.js';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant } from './live-equivalence.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'security-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

const RULE_IDS = ['AZ-DEF-001', 'AZ-DEF-002', 'AZ-DEF-003', 'AZ-DEF-004', 'AZ-DEF-005', 'AZ-DEF-006', 'AZ-DEF-007', 'AZ-DEF-008', 'AZ-DEF-009', 'AZ-GOV-002', 'AZ-MON-008'];
/** The rules the tenant gives a malformed value to (a contact's isEnabled, a role's actions, an assessment's status code), so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = ['AZ-DEF-004', 'AZ-DEF-005', 'AZ-DEF-006', 'AZ-DEF-009', 'AZ-GOV-002'];

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes the lists that page (contacts, settings, roles, alerts) follow nextLink.
  arm = await serveTenant(TENANT, { pageSize: 2 });
});
afterAll(() => arm.close());

describe('Defender for Cloud, security contact, custom role and security solution alert rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_MALFORMED_INPUT.includes(id) });
    });
  }

  it('collects the tenant back as it is, by path at the declared api-versions, with GET requests only', async () => {
    // Of the assessments ARM lists, only the system-updates ones are kept: the tenant's endpoint
    // protection assessment is served, and dropped.
    const kept = TENANT.resources.filter((resource) => !/\/providers\/Microsoft\.Security\/assessments\//i.test(resource.id) || SYSTEM_UPDATES_ASSESSMENT_KEYS.some((key) => resource.id.toLowerCase().endsWith(`/${key}`)));
    expect(kept.length).toBe(TENANT.resources.length - 1);
    await expectCollectsTenantBack(arm, TENANT, RULE_IDS, { expectedResources: kept });
    const queryOf = (read: string) => arm.requests.filter((request) => request.path.toLowerCase().endsWith(read.toLowerCase()) && !new URLSearchParams(request.query).has('$skiptoken')).map((request) => new URLSearchParams(request.query));
    const expected: Array<[string, string]> = [
      ['providers/Microsoft.Security/pricings', '2024-01-01'],
      ['providers/Microsoft.Security/autoProvisioningSettings', '2017-08-01-preview'],
      ['providers/Microsoft.Security/settings', '2022-05-01'],
      ['providers/Microsoft.Security/securityContacts', '2023-12-01-preview'],
      ['providers/Microsoft.Authorization/roleDefinitions', '2022-04-01'],
      ['providers/Microsoft.Security/assessments', '2021-06-01'],
    ];
    for (const [read, version] of expected) {
      const queries = queryOf(read);
      expect(queries, read).toHaveLength(2);
      expect(queries.map((query) => query.get('api-version')), read).toEqual([version, version]);
    }
    expect(queryOf('providers/Microsoft.Authorization/roleDefinitions').map((query) => query.get('$filter'))).toEqual(["type eq 'CustomRole'", "type eq 'CustomRole'"]);
  });
});
