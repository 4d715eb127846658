import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeArmClient } from './https-client.js';
import { type FakeArm, type FakeArmOptions, type FakeTenant, startFakeArm } from './server.js';

const TOKEN = 'test-token';
const TENANT_ID = '0a0a0a0a-0000-4000-8000-000000000000';
const SUB = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const GRAPH = '/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01';
const QUERY = "Resources | where type in~ ('microsoft.network/networksecuritygroups', 'microsoft.sql/servers') | project id, name, type | order by id asc";

const nsg = (sub: string, i: number) => ({
  id: `/subscriptions/${sub}/resourceGroups/RG-${i % 3}/providers/Microsoft.Network/networkSecurityGroups/nsg-${String(i).padStart(4, '0')}`,
  name: `nsg-${i}`,
  type: 'Microsoft.Network/networkSecurityGroups',
  location: 'westeurope',
  properties: { securityRules: [] },
});
const SERVER = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-1`;

const tenant: FakeTenant = {
  subscriptions: [
    { subscriptionId: SUB, displayName: 'prod', state: 'Enabled', tenantId: TENANT_ID },
    { subscriptionId: OTHER, displayName: 'dev', state: 'Enabled', tenantId: TENANT_ID },
  ],
  resources: [
    ...Array.from({ length: 1500 }, (_, i) => nsg(SUB, i)),
    nsg(OTHER, 1),
    { id: SERVER, name: 'sql-1', type: 'Microsoft.Sql/servers', kind: 'v12.0', properties: { publicNetworkAccess: 'Enabled' } },
    { id: `${SERVER}/databases/db1`, name: 'db1', type: 'Microsoft.Sql/servers/databases', properties: {} },
  ],
};

interface GraphBody {
  totalRecords: number;
  count: number;
  $skipToken?: string;
  data: Array<Record<string, unknown>>;
}

let arm: FakeArm;
let client: FakeArmClient;
async function start(options: Partial<FakeArmOptions> = {}) {
  const server = await startFakeArm({ tenant, token: TOKEN, ...options });
  return { server, client: new FakeArmClient(server.url, server.caCertPath, TOKEN) };
}
beforeAll(async () => ({ server: arm, client } = await start()));
afterAll(async () => {
  client.close();
  await arm.close();
});

const query = (subscriptions: string[], options: Record<string, unknown> = {}, text = QUERY) =>
  JSON.stringify({ subscriptions, query: text, options: { resultFormat: 'objectArray', ...options } });

describe('fake ARM: Resource Graph', () => {
  it('answers azscan\'s inventory query with Graph rows of the top-level resources asked for, paged by $skipToken', async () => {
    const first = await client.json<GraphBody>(GRAPH, { method: 'POST', body: query([SUB, OTHER], { $top: 1000 }) });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ totalRecords: 1502, count: 1000 });
    expect(first.body.data[0]).toMatchObject({ type: 'microsoft.network/networksecuritygroups', tenantId: TENANT_ID, subscriptionId: SUB, resourceGroup: 'rg-0', kind: '', sku: null });
    const second = await client.json<GraphBody>(GRAPH, { method: 'POST', body: query([SUB, OTHER], { $top: 1000, $skipToken: first.body.$skipToken }) });
    expect(second.body.count).toBe(502);
    expect(second.body.$skipToken).toBeUndefined();
    const ids = [...first.body.data, ...second.body.data].map((row) => String(row.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(ids.filter((id) => /databases/.test(id))).toEqual([]);
    expect(ids).toContain(SERVER);
    expect(first.headers['x-ms-user-quota-remaining']).toBeDefined();
    expect(arm.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(JSON.parse(arm.requests[0]?.body ?? '{}').subscriptions).toEqual([SUB, OTHER]);
  });

  it('pages at a smaller $top, and refuses what azscan would not send', async () => {
    const page = await client.json<GraphBody>(GRAPH, { method: 'POST', body: query([OTHER], { $top: 1 }) });
    expect(page.body).toMatchObject({ count: 1, totalRecords: 1 });
    for (const body of ['not json', query([SUB], {}, 'Resources | project id'), JSON.stringify({ subscriptions: [SUB], query: QUERY, options: { resultFormat: 'table' } }), query([SUB], { $skipToken: 'forged' })]) {
      expect((await client.send(GRAPH, { method: 'POST', body })).status, body).toBe(400);
    }
  });

  it('keeps a per-identity quota: remaining counts down, then a 429 until the window resets', async () => {
    const { server, client: limited } = await start({ graphQuota: { capacity: 2, windowSeconds: 60 } });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await limited.send(GRAPH, { method: 'POST', body: query([OTHER]) }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expect(answers.map((a) => a.headers['x-ms-user-quota-remaining'])).toEqual(['1', '0', '0']);
    expect(answers[2]?.headers['x-ms-user-quota-resets-after']).toMatch(/^00:0[01]:\d\d$/);
    expect(Number(answers[2]?.headers['retry-after'])).toBeGreaterThan(0);
    limited.close();
    await server.close();
  });

  it('takes faults on its path: 403, a looping $skipToken, a row without an id', async () => {
    arm.setFaults([{ match: '/providers/Microsoft.ResourceGraph/resources', kind: '403', times: 1 }]);
    expect((await client.send(GRAPH, { method: 'POST', body: query([SUB]) })).status).toBe(403);
    arm.setFaults([{ match: '/providers/Microsoft.ResourceGraph/resources', kind: 'nextLinkLoop' }]);
    const looping = await client.json<GraphBody>(GRAPH, { method: 'POST', body: query([SUB]) });
    const again = await client.json<GraphBody>(GRAPH, { method: 'POST', body: query([SUB], { $skipToken: looping.body.$skipToken }) });
    expect(again.body.$skipToken).toBe(looping.body.$skipToken);
    arm.setFaults([{ match: '/providers/Microsoft.ResourceGraph/resources', kind: 'badRows' }]);
    const bad = await client.json<GraphBody>(GRAPH, { method: 'POST', body: query([OTHER]) });
    expect(bad.body.data.some((row) => row.id === undefined)).toBe(true);
    arm.setFaults([]);
  });
});
