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
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import type { SnapshotLike } from '../fake-arm/tenant.js';
import { runLive } from './live-cli.js';
import { expectCollectsTenantBack, expectLiveScanMatchesSnapshot, loadTenant, serveTenant, type TenantResource as Resource } from './live-equivalence.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'kv-logging-tenant.json');
const TENANT = loadTenant(TENANT_FILE);

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

/** Whether the tenant's `collected` names a resource's type: the blob service is there for the whole catalogue's plan (live-plan.test.ts), not for these rules. */
function isCollected(resource: Resource): boolean {
  const type = resource.type.toLowerCase();
  return TENANT.collected.some((entry) => entry.toLowerCase() === type || entry.toLowerCase().startsWith(`${type}@`));
}

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes every list (vaults, keys, secrets, flow logs…) follow nextLink.
  arm = await serveTenant(servedTenant(), { pageSize: 2 });
});
afterAll(() => arm.close());

describe('Key Vault, logging and network rules of issue 11, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      const { live } = await expectLiveScanMatchesSnapshot(arm, TENANT_FILE, id, { expectNotEvaluated: WITH_MALFORMED_INPUT.includes(id) });
      expect(live.stdout).not.toContain(CANARY);
    });
  }

  it('collects the tenant back as it is, every secret value and key material dropped, with GET requests only', async () => {
    // Not quiet, so that the progress output is checked for the canary too; never the data plane.
    const { collect, text } = await expectCollectsTenantBack(arm, TENANT, RULE_IDS, {
      quiet: false,
      expectedResources: TENANT.resources.filter(isCollected),
      alsoForbidden: /vault\.azure\.net/i,
    });
    expect(collect.stderr).not.toContain(CANARY);
    expect(collect.stdout).not.toContain(CANARY);
    expect(text).not.toContain(CANARY);
    // The fake server did serve the canary: the reader is what kept it out.
    expect(arm.requests.some((request) => /\/secrets$/i.test(request.path))).toBe(true);
  });

  it('shows no secret value in any output format of a live scan', async () => {
    for (const format of ['json', 'jsonl', 'sarif', 'table', 'junit', 'csv', 'markdown', 'html']) {
      const live = await runLive(arm, ['scan', '--rule', 'AZ-KV-005', '--rule', 'AZ-KV-004', '--format', format]);
      expect(live.stderr).toBe('');
      expect(`${live.stdout}${live.stderr}`, format).not.toContain(CANARY);
    }
  });
});
