/**
 * The App Service rules (AZ-APP-*) read live, by ARM path through the fake ARM server, must
 * report exactly what they report on the same tenant as a snapshot: sites, slots, each one's
 * `config/web` and `config/authsettingsV2` (GETs of singletons) and basic publishing credentials
 * policies, with nothing but GET requests and never a publishing credential. The fake ARM server
 * serves the auth settings with secrets in them (as ARM may); the collected snapshot must hold none.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant } from './live-equivalence.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'appservice-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

const RULE_IDS = ['AZ-APP-001', 'AZ-APP-002', 'AZ-APP-003', 'AZ-APP-004', 'AZ-APP-005', 'AZ-APP-006', 'AZ-APP-007', 'AZ-APP-008', 'AZ-APP-009', 'AZ-APP-010'];

/** Names of properties the reader must drop, at any depth; the tenant file has none of them. */
const SECRET_NAMES = ['clientSecret', 'clientSecretSettingName', 'clientSecretCertificateThumbprint', 'password', 'publishingPassword'];

/**
 * The tenant as the fake ARM server serves it: each `config/authsettingsV2` with secret-like
 * properties at several depths, as ARM may send them in identity-provider settings.
 */
function withSecrets(tenant: typeof TENANT): typeof TENANT {
  const served = structuredClone(tenant);
  for (const resource of served.resources as Array<{ id: string; properties?: Record<string, Record<string, unknown>> }>) {
    const properties = resource.properties;
    if (!resource.id.endsWith('/config/authsettingsV2') || !properties?.globalValidation) continue;
    // Only secret-named properties are added, so that what is left once they are dropped is the tenant file.
    (properties as Record<string, unknown>).clientSecretCertificateThumbprint = 'ABCDEF';
    properties.globalValidation.password = 'hunter2';
    const registration = (properties.identityProviders?.azureActiveDirectory as { registration?: Record<string, unknown> } | undefined)?.registration;
    if (registration) Object.assign(registration, { clientSecret: 'shh-aad', clientSecretSettingName: 'AAD_SECRET' });
  }
  return served;
}

/** The rules the tenant gives a malformed value to, so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = RULE_IDS;

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes every list (servers, administrators, vaults…) follow nextLink.
  arm = await serveTenant(withSecrets(TENANT), { pageSize: 2 });
});
afterAll(() => arm.close());

describe('App Service rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_MALFORMED_INPUT.includes(id) });
    });
  }

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    // What ARM served with secrets comes back without them: the same JSON as the secret-free tenant
    // file; never a publishing credential or profile, nor the old auth settings.
    const { text } = await expectCollectsTenantBack(arm, TENANT, RULE_IDS, {
      moreRequestsThan: 12,
      alsoForbidden: /publishxml|publishingcredentials\/list|config\/authsettings(\/|$)/i,
    });
    for (const name of SECRET_NAMES) expect(text, name).not.toContain(`"${name}"`);
    expect(text).not.toMatch(/shh-aad|hunter2|AAD_SECRET|ABCDEF/);
    expect(arm.requests.filter((request) => /\/config\/authsettingsV2$/i.test(request.path)).length).toBe(4);
  });
});
