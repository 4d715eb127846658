import { describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_ID, fakeTenantFromSnapshot } from './tenant.js';

const SUB = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER_SUB = 'aaaaaaaa-0000-4000-8000-000000000002';
const nsg = (subscriptionId: string, name: string) => ({
  id: `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${name}`,
  type: 'Microsoft.Network/networkSecurityGroups',
  name,
  properties: {},
});

describe('fakeTenantFromSnapshot', () => {
  it('takes the snapshot’s subscriptions and tenant, Enabled unless it says otherwise', () => {
    const tenant = fakeTenantFromSnapshot({
      tenantId: 'tenant-1',
      subscriptions: [{ subscriptionId: SUB, displayName: 'prod' }, { subscriptionId: OTHER_SUB, state: 'Disabled' }],
      resources: [nsg(SUB, 'a')],
    });
    expect(tenant.subscriptions).toEqual([
      { subscriptionId: SUB, displayName: 'prod', state: 'Enabled', tenantId: 'tenant-1' },
      { subscriptionId: OTHER_SUB, displayName: OTHER_SUB, state: 'Disabled', tenantId: 'tenant-1' },
    ]);
    expect(tenant.resources).toEqual([nsg(SUB, 'a')]);
  });

  it('without a subscription list, serves the subscriptions the resource ids name', () => {
    const tenant = fakeTenantFromSnapshot({ resources: [nsg(SUB, 'a'), nsg(SUB.toUpperCase(), 'b'), nsg(OTHER_SUB, 'c')] });
    expect(tenant.subscriptions.map((s) => [s.subscriptionId, s.tenantId])).toEqual([
      [SUB, DEFAULT_TENANT_ID],
      [OTHER_SUB, DEFAULT_TENANT_ID],
    ]);
  });

  it('adds extra subscriptions, replacing one of the same id', () => {
    const extra = { subscriptionId: SUB.toUpperCase(), displayName: 'gone', state: 'Deleted', tenantId: 't' } as const;
    const tenant = fakeTenantFromSnapshot({ subscriptions: [{ subscriptionId: SUB }], resources: [] }, { subscriptions: [extra] });
    expect(tenant.subscriptions).toEqual([extra]);
  });

  it('refuses what it cannot serve', () => {
    expect(() => fakeTenantFromSnapshot({ subscriptions: [{ subscriptionId: SUB, state: 'Paused' }], resources: [] })).toThrow(/state/);
    expect(() => fakeTenantFromSnapshot({ resources: ['nsg'] })).toThrow(/not an object/);
  });
});
