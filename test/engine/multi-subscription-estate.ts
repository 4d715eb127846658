import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO_SUBSCRIPTIONS = ['6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a01', '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a02'];
/** Four subscriptions the demo's two are copied into, one more listed with nothing in it, and one disabled. */
export const ESTATE_SUBSCRIPTIONS = [
  '0a7e3c55-1111-4c1e-9a52-00000000000a',
  '0b7e3c55-2222-4c1e-9a52-00000000000b',
  '0c7e3c55-3333-4c1e-9a52-00000000000c',
  '0d7e3c55-4444-4c1e-9a52-00000000000d',
  '0e7e3c55-5555-4c1e-9a52-00000000000e',
  '0f7e3c55-6666-4c1e-9a52-00000000000f',
];

/**
 * A snapshot of six subscriptions built from the demo tenant: two copies of its two
 * subscriptions, where the second copy's NICs, subnets and load balancers reference the VNets
 * and NSGs of the first copy's subscriptions (cross-subscription lookups); resources interleaved
 * across subscriptions; failed reads in two subscriptions and one at tenant level; a malformed
 * resource with an id and one without; an empty subscription and a disabled one.
 */
export function multiSubscriptionEstate(): Record<string, unknown> {
  const demo = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'demo-tenant.json'), 'utf8')) as { resources: unknown[]; [key: string]: unknown };
  const [a, b, c, d, empty, disabled] = ESTATE_SUBSCRIPTIONS as [string, string, string, string, string, string];
  const copy = (resource: unknown, map: readonly [string, string], keepSharedIn?: readonly [string, string]): unknown => {
    let text = JSON.stringify(resource);
    text = text.replaceAll(DEMO_SUBSCRIPTIONS[0]!, map[0]).replaceAll(DEMO_SUBSCRIPTIONS[1]!, map[1]);
    if (keepSharedIn) {
      // References to VNets and NSGs point at the first copy's subscription.
      for (const [i, sub] of map.entries()) {
        text = text.replace(new RegExp(`/subscriptions/${sub}(/resourceGroups/[^/"]+/providers/Microsoft\\.Network/(?:virtualNetworks|networkSecurityGroups)/)`, 'gi'), `/subscriptions/${keepSharedIn[i]}$1`);
      }
    }
    return JSON.parse(text);
  };
  const shared = /\/providers\/Microsoft\.Network\/(virtualNetworks|networkSecurityGroups)\//i;
  const first = demo.resources.map((resource) => copy(resource, [a, b]));
  const second = demo.resources
    .filter((resource) => !shared.test((resource as { id: string }).id))
    .map((resource) => copy(resource, [c, d], [a, b]));
  const resources: unknown[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    if (i < second.length) resources.push(second[i]);
    if (i < first.length) resources.push(first[i]);
  }
  resources.splice(7, 0, { id: `/subscriptions/${d}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/broken`, type: 'Microsoft.Storage/storageAccounts', name: 'broken', properties: 'not an object' });
  resources.splice(40, 0, { type: 'Microsoft.Sql/servers', name: 'no-id', properties: {} });
  return {
    ...demo,
    subscriptions: [
      { subscriptionId: d, displayName: 'copy-analytics', state: 'Enabled' },
      { subscriptionId: a, displayName: 'iot-prod', state: 'Enabled' },
      { subscriptionId: empty, displayName: 'empty', state: 'Enabled' },
      { subscriptionId: c, displayName: 'copy-iot-prod', state: 'Enabled' },
      { subscriptionId: disabled, displayName: 'old', state: 'Disabled' },
      { subscriptionId: b, displayName: 'analytics', state: 'Enabled' },
    ],
    resources,
    errors: [
      { scope: `/subscriptions/${c}`, resourceType: 'Microsoft.Sql/servers/auditingSettings', code: 'AuthorizationFailed', message: 'denied' },
      { scope: '/providers/Microsoft.Management/managementGroups/root', code: 'AuthorizationFailed', message: 'tenant-level read denied' },
      { scope: `/subscriptions/${a}`, resourceType: 'Microsoft.KeyVault/vaults', code: 'HTTP500', message: 'server error' },
    ],
  };
}
