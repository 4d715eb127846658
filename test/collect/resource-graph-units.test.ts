import { describe, expect, it } from 'vitest';
import { normaliseGraphRow } from '../../src/collect/resource-graph/normalise.js';
import { inventoryQuery } from '../../src/collect/resource-graph/query.js';
import { durationMs, UserQuota } from '../../src/collect/resource-graph/quota.js';
import { GRAPH_INVENTORY_TYPES } from '../../src/collect/resource-graph/types.js';
import { GRAPH_AUTO_THRESHOLD, usesResourceGraph } from '../../src/collect/resource-graph/mode.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { InputError } from '../../src/inventory/errors.js';

const ID = '/subscriptions/cfbbd179-59d2-4052-aa06-9270a38aa9d6/resourceGroups/RG1/providers/Microsoft.Cache/Redis/cache1';

describe('normaliseGraphRow: a Graph row in ARM GET shape, in one place', () => {
  it('restores azscan\'s type casing, keeps ARM\'s columns and drops Graph\'s own and its empty values', () => {
    const row = {
      id: ID,
      name: 'cache1',
      type: 'microsoft.cache/redis',
      tenantId: 't',
      subscriptionId: 'cfbbd179-59d2-4052-aa06-9270a38aa9d6',
      resourceGroup: 'rg1',
      location: 'westeurope',
      kind: '',
      managedBy: '',
      sku: null,
      plan: null,
      identity: { type: 'SystemAssigned' },
      zones: null,
      extendedLocation: null,
      tags: { env: 'prod' },
      properties: { enableNonSslPort: false, minimumTlsVersion: '1.2' },
      apiVersion: '2024-11-01',
    };
    expect(normaliseGraphRow(row)).toEqual({
      subscriptionKey: 'cfbbd179-59d2-4052-aa06-9270a38aa9d6',
      resource: { id: ID, name: 'cache1', type: 'Microsoft.Cache/redis', location: 'westeurope', identity: { type: 'SystemAssigned' }, tags: { env: 'prod' }, properties: { enableNonSslPort: false, minimumTlsVersion: '1.2' } },
    });
  });

  it('keeps a present value as it is, false and 0 included', () => {
    const { resource } = normaliseGraphRow({ id: ID, name: 'c', type: 'Microsoft.Cache/Redis', kind: 'x', sku: { name: 'Basic', capacity: 0 }, zones: ['1'], properties: {} }) as { resource: Record<string, unknown> };
    expect(resource).toMatchObject({ kind: 'x', sku: { name: 'Basic', capacity: 0 }, zones: ['1'], properties: {} });
  });

  it('calls a row that cannot be a resource a problem, never a resource', () => {
    const bad = [null, 7, [], 'x', {}, { id: ID }, { type: 'microsoft.cache/redis' }, { id: '', type: 'microsoft.cache/redis' }, { id: '/providers/x/y', type: 'microsoft.cache/redis' }, { id: ID, type: 'microsoft.other/things' }, { id: ID, type: 'microsoft.cache/redis', properties: 'oops' }, { id: ID, type: 42 }];
    for (const row of bad) expect(normaliseGraphRow(row), JSON.stringify(row)).toHaveProperty('problem');
  });
});

describe('the inventory query', () => {
  it('asks the resources table for the given types, ARM columns, ordered by id for stable pages', () => {
    expect(inventoryQuery(['Microsoft.Storage/storageAccounts', 'Microsoft.Devices/IotHubs'])).toBe(
      "Resources | where type in~ ('microsoft.storage/storageaccounts', 'microsoft.devices/iothubs') | project id, name, type, location, kind, sku, tags, properties, identity, zones, managedBy, plan, extendedLocation | order by id asc",
    );
    expect(() => inventoryQuery(["x/y') | union securityresources | where ('"])).toThrow(/not a resource type/);
    expect(() => inventoryQuery([])).toThrow();
  });

  it('takes no type that Graph keeps outside the resources table', () => {
    expect(GRAPH_INVENTORY_TYPES.filter((type) => /^Microsoft\.(Security|Authorization|Resources)\//i.test(type) || type.split('/').length > 2)).toEqual([]);
  });

  it('auto uses Graph only above the threshold', () => {
    expect(usesResourceGraph('auto', GRAPH_AUTO_THRESHOLD)).toBe(false);
    expect(usesResourceGraph('auto', GRAPH_AUTO_THRESHOLD + 1)).toBe(true);
    expect(usesResourceGraph('arm', 10_000)).toBe(false);
    expect(usesResourceGraph('resource-graph', 1)).toBe(true);
  });
});

describe('UserQuota', () => {
  it('reads hh:mm:ss', () => {
    expect(durationMs('00:00:03')).toBe(3000);
    expect(durationMs('01:02:03.5')).toBe(3_723_500);
    expect(durationMs('soon')).toBeUndefined();
    expect(durationMs(undefined)).toBeUndefined();
  });

  it('once none is left, waits for the reset before the next query', async () => {
    let now = 1000;
    const waits: number[] = [];
    const quota = new UserQuota(60_000, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    await quota.take();
    quota.observe('1', '00:00:04');
    await quota.take(); // the one left
    expect(waits).toEqual([]);
    await quota.take(); // none left: waits out the 4 s
    expect(waits).toEqual([4000]);
    quota.observe('0', '00:00:02');
    await quota.take();
    expect(waits).toEqual([4000, 2000]);
  });

  it('caps a wait, and ignores answers without the headers', async () => {
    let now = 0;
    const waits: number[] = [];
    const quota = new UserQuota(5000, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    quota.observe(undefined, undefined);
    quota.observe('', '00:00:01');
    await quota.take();
    quota.observe('0', '02:00:00');
    await quota.take();
    expect(waits).toEqual([5000]);
  });
});

describe('the snapshot records where its inventory came from', () => {
  const base = { schemaVersion: 1, subscriptions: [], resources: [] };
  it('passes inventory, inventoryQueriedAt and inventoryFallback on to the source', () => {
    const fallback = [{ subscriptionId: 's1', code: 'AuthorizationFailed', message: '403: no' }];
    const inventory = inventoryFromSnapshot({ ...base, inventory: 'mixed', inventoryQueriedAt: '2025-01-01T00:00:00.000Z', inventoryFallback: fallback }, 'x.json');
    expect(inventory.source).toMatchObject({ kind: 'snapshot', inventory: 'mixed', inventoryQueriedAt: '2025-01-01T00:00:00.000Z', inventoryFallback: fallback });
  });

  it('loads an older snapshot without them, and refuses a value it does not know', () => {
    expect(inventoryFromSnapshot(base, 'x.json').source).toEqual({ kind: 'snapshot', path: 'x.json', tenantId: undefined, collectedAt: undefined });
    expect(() => inventoryFromSnapshot({ ...base, inventory: 'graph' }, 'x.json')).toThrow(InputError);
    expect(() => inventoryFromSnapshot({ ...base, inventoryFallback: [{ subscriptionId: 's' }] }, 'x.json')).toThrow(/inventoryFallback\[0\]\.code/);
  });
});
