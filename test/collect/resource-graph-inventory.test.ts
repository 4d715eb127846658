import { describe, expect, it } from 'vitest';
import type { ArmClients } from '../../src/collect/clients.js';
import { ResourceGraphInventory } from '../../src/collect/resource-graph/inventory.js';
import { UserQuota } from '../../src/collect/resource-graph/quota.js';

const NSG = 'Microsoft.Network/networkSecurityGroups';
const STORAGE = 'Microsoft.Storage/storageAccounts';
const id = (sub: string, type: string, name: string) => `/subscriptions/${sub}/resourceGroups/rg/providers/${type}/${name}`;

/** ArmClients whose Graph client answers each query from `answer` (by its subscriptions), as the SDK would. */
function clientsAnswering(answer: (subscriptions: string[]) => unknown, sent: string[][] = []): ArmClients {
  const client = {
    resources: async (query: { subscriptions: string[] }, options: { onResponse: (raw: unknown) => void }) => {
      sent.push(query.subscriptions);
      const body = answer(query.subscriptions);
      if (body instanceof Error) throw body;
      options.onResponse({ status: 200, bodyAsText: JSON.stringify(body), headers: { get: () => undefined } });
      return {};
    },
  };
  return { resourceGraph: async () => client } as unknown as ArmClients;
}

const rowsOf = (subscriptions: string[]) => ({
  data: subscriptions.flatMap((sub) => [{ id: id(sub, NSG, 'nsg'), name: 'nsg', type: NSG.toLowerCase(), subscriptionId: sub, properties: {} }]),
});

describe('ResourceGraphInventory', () => {
  it('gives each subscription its rows by type, an empty list for a type Graph has none of', async () => {
    const sent: string[][] = [];
    const inventory = new ResourceGraphInventory(clientsAnswering(rowsOf, sent), [NSG, STORAGE], ['A', 'b'], new UserQuota(1000));
    const listed = await inventory.listedFor('a');
    expect(await listed?.get(NSG.toLowerCase())?.()).toEqual([{ id: id('A', NSG, 'nsg'), name: 'nsg', type: NSG, properties: {} }]);
    expect(await listed?.get(STORAGE.toLowerCase())?.()).toEqual([]);
    await inventory.listedFor('B');
    expect(sent).toEqual([['A', 'b']]); // one batch, queried once
    expect(inventory.record()).toEqual({ inventory: 'resource-graph', inventoryQueriedAt: expect.any(String) });
  });

  it('falls back per batch: a denied batch is listed through ARM, the report says mixed and names it, with a warning', async () => {
    const warnings: string[] = [];
    const denied = Object.assign(new Error('The client does not have authorization'), { statusCode: 403, code: 'AuthorizationFailed' });
    const clients = clientsAnswering((subscriptions) => (subscriptions.includes('denied') ? denied : rowsOf(subscriptions)));
    const inventory = new ResourceGraphInventory(clients, [NSG], ['ok', 'denied'], new UserQuota(1000), (text) => warnings.push(text), 1);
    expect(await inventory.listedFor('ok')).toBeDefined();
    expect(await inventory.listedFor('denied')).toBeUndefined();
    expect(inventory.record()).toMatchObject({ inventory: 'mixed', inventoryFallback: [{ subscriptionId: 'denied', code: 'AuthorizationFailed', message: '403: The client does not have authorization' }] });
    expect(warnings).toEqual(["Resource Graph's query failed for 1 subscription (AuthorizationFailed: 403: The client does not have authorization); their resources were listed through ARM instead"]);
  });

  it('an answer it cannot read is a failed read of every Graph type in the batch, with what was read, never an empty list', async () => {
    const inventory = new ResourceGraphInventory(clientsAnswering(() => ({ data: [{ id: id('s', NSG, 'x'), type: NSG }, 'junk'] })), [NSG, STORAGE], ['s'], new UserQuota(1000));
    const listed = await inventory.listedFor('s');
    await expect(listed?.get(NSG.toLowerCase())?.()).rejects.toMatchObject({ code: 'MalformedResponse', partial: [{ id: id('s', NSG, 'x'), type: NSG }] });
    await expect(listed?.get(STORAGE.toLowerCase())?.()).rejects.toMatchObject({ code: 'MalformedResponse', partial: [] });
    for (const body of [{}, { data: {} }, null, { data: [{ id: id('s', NSG, 'x') }] }]) {
      const bad = new ResourceGraphInventory(clientsAnswering(() => body), [NSG], ['s'], new UserQuota(1000));
      await expect((await bad.listedFor('s'))?.get(NSG.toLowerCase())?.(), JSON.stringify(body)).rejects.toMatchObject({ code: 'MalformedResponse' });
    }
  });

  it('a truncated answer without a $skipToken is a failed read too', async () => {
    const inventory = new ResourceGraphInventory(clientsAnswering(() => ({ resultTruncated: 'true', data: [] })), [NSG], ['s'], new UserQuota(1000));
    await expect((await inventory.listedFor('s'))?.get(NSG.toLowerCase())?.()).rejects.toMatchObject({ code: 'MalformedResponse', message: expect.stringContaining('truncated') });
  });
});
