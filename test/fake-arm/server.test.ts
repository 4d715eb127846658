import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeArmClient } from './https-client.js';
import { type FakeArm, type FakeArmOptions, type FakeTenant, startFakeArm } from './server.js';

const TOKEN = 'test-token';
const TENANT_ID = '0a0a0a0a-0000-4000-8000-000000000000';
const SUB = '11111111-1111-4111-8111-111111111111';
const OTHER_SUB = '22222222-2222-4222-8222-222222222222';
const API = 'api-version=2023-01-01';

const group = (subscriptionId: string, name: string): string => `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
const NSG_A = `${group(SUB, 'rg-a')}/providers/Microsoft.Network/networkSecurityGroups/nsg-a`;
const NSG_B = `${group(SUB, 'rg-b')}/providers/Microsoft.Network/networkSecurityGroups/nsg-b`;
const NSG_OTHER = `${group(OTHER_SUB, 'rg-c')}/providers/Microsoft.Network/networkSecurityGroups/nsg-c`;
const SERVER = `${group(SUB, 'rg-data')}/providers/Microsoft.Sql/servers/sql-1`;
const DB1 = `${SERVER}/databases/db1`;
const DB2 = `${SERVER}/databases/db2`;
const TDE1 = `${DB1}/transparentDataEncryption/current`;
const DB1_DIAGNOSTICS = `${DB1}/providers/Microsoft.Insights/diagnosticSettings/to-workspace`;
const ACCOUNT = `${group(SUB, 'rg-data')}/providers/Microsoft.Storage/storageAccounts/stdata`;
// No blobServices/default resource in the tenant: its containers imply it.
const CONTAINER = `${ACCOUNT}/blobServices/default/containers/raw`;
const SCALE_SET = `${group(SUB, 'rg-a')}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-web`;
const INSTANCE_NIC = `${SCALE_SET}/virtualMachines/0/networkInterfaces/nic-web`;
const INSTANCE_IP = `${INSTANCE_NIC}/ipConfigurations/ipconfig1/publicIPAddresses/pip-web`;
const FLEXIBLE_SCALE_SET = `${group(SUB, 'rg-a')}/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-flex`;

function resource(id: string, type: string): Record<string, unknown> {
  return { id, name: id.split('/').at(-1), type, location: 'westeurope', properties: { provisioningState: 'Succeeded' } };
}

const tenant: FakeTenant = {
  subscriptions: [
    { subscriptionId: SUB, displayName: 'prod', state: 'Enabled', tenantId: TENANT_ID },
    { subscriptionId: OTHER_SUB, displayName: 'old', state: 'Disabled', tenantId: TENANT_ID },
  ],
  resources: [
    resource(NSG_A, 'Microsoft.Network/networkSecurityGroups'),
    resource(NSG_B, 'Microsoft.Network/networkSecurityGroups'),
    resource(NSG_OTHER, 'Microsoft.Network/networkSecurityGroups'),
    resource(SERVER, 'Microsoft.Sql/servers'),
    resource(DB1, 'Microsoft.Sql/servers/databases'),
    resource(DB2, 'Microsoft.Sql/servers/databases'),
    resource(TDE1, 'Microsoft.Sql/servers/databases/transparentDataEncryption'),
    resource(DB1_DIAGNOSTICS, 'Microsoft.Insights/diagnosticSettings'),
    resource(ACCOUNT, 'Microsoft.Storage/storageAccounts'),
    resource(CONTAINER, 'Microsoft.Storage/storageAccounts/blobServices/containers'),
    resource(SCALE_SET, 'Microsoft.Compute/virtualMachineScaleSets'),
    resource(INSTANCE_NIC, 'Microsoft.Network/networkInterfaces'),
    resource(INSTANCE_IP, 'Microsoft.Network/publicIPAddresses'),
    { ...resource(FLEXIBLE_SCALE_SET, 'Microsoft.Compute/virtualMachineScaleSets'), properties: { orchestrationMode: 'Flexible' } },
  ],
};

interface ListBody {
  value: Array<{ id: string }>;
  nextLink?: string;
}
interface ErrorBody {
  error: { code: string; message: string };
}

const ids = (body: ListBody): string[] => body.value.map((item) => item.id);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A server of its own for a test that needs different options; closed when the file's tests end. */
const extraServers: Array<{ arm: FakeArm; client: FakeArmClient }> = [];
async function startExtra(options: Partial<FakeArmOptions>): Promise<{ arm: FakeArm; client: FakeArmClient }> {
  const arm = await startFakeArm({ tenant, token: TOKEN, ...options });
  const started = { arm, client: new FakeArmClient(arm.url, arm.caCertPath, TOKEN) };
  extraServers.push(started);
  return started;
}

let arm: FakeArm;
let client: FakeArmClient;

beforeAll(async () => {
  arm = await startFakeArm({ tenant, token: TOKEN });
  client = new FakeArmClient(arm.url, arm.caCertPath, TOKEN);
});

afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
});

afterAll(async () => {
  client.close();
  await arm.close();
  for (const extra of extraServers) {
    extra.client.close();
    await extra.arm.close();
  }
});

describe('fake ARM: the server', () => {
  it('listens on 127.0.0.1 over HTTPS with a certificate trusted through NODE_EXTRA_CA_CERTS', async () => {
    expect(arm.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // A child process, as the CLI will be run; asynchronously, so that this process can answer it.
    const script = `fetch(process.argv[1] + '/subscriptions', { headers: { authorization: 'Bearer ${TOKEN}' } })
      .then((r) => r.json()).then((b) => console.log(b.value.length))`;
    const child = await promisify(execFile)(process.execPath, ['-e', script, arm.url], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: arm.caCertPath },
    });
    expect(child.stdout.trim()).toBe('2');
  });

  it('answers JSON with a request id, and the remaining reads under a subscription', async () => {
    const tenantLevel = await client.send(`/subscriptions?${API}`);
    expect(tenantLevel.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(tenantLevel.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(tenantLevel.headers['x-ms-ratelimit-remaining-subscription-reads']).toBeUndefined();

    const subscriptionLevel = await client.send(`${NSG_A}?${API}`);
    expect(subscriptionLevel.headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('11999');
  });
});

describe('fake ARM: authorization', () => {
  it('serves a request with the bearer token', async () => {
    expect((await client.send(`/subscriptions?${API}`)).status).toBe(200);
    expect(arm.requests[0]?.authorization).toBe('valid');
  });

  it('refuses another token with 401 InvalidAuthenticationToken', async () => {
    const answer = await client.json<ErrorBody>(`/subscriptions?${API}`, { token: 'stolen' });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('InvalidAuthenticationToken');
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(arm.requests[0]).toMatchObject({ authorization: 'invalid', status: 401 });
  });

  it('refuses a request without Authorization with 401 AuthenticationFailed', async () => {
    const answer = await client.json<ErrorBody>(`/subscriptions?${API}`, { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('AuthenticationFailed');
    expect(arm.requests[0]).toMatchObject({ authorization: 'missing', status: 401 });
  });

  it('does not accept the token under another scheme or with anything after it', async () => {
    expect((await client.send(`/subscriptions?${API}`, { authorization: `Basic ${TOKEN}` })).status).toBe(401);
    expect((await client.send(`/subscriptions?${API}`, { authorization: `Bearer ${TOKEN} x` })).status).toBe(401);
    expect((await client.send(`/subscriptions?${API}`, { authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });
});

describe('fake ARM: subscriptions', () => {
  it('lists the subscriptions in the shape of Microsoft’s example', async () => {
    const { status, body } = await client.json<{ value: Array<Record<string, unknown>> }>(`/subscriptions?${API}`);
    expect(status).toBe(200);
    expect(body.value).toHaveLength(2);
    expect(body.value[1]).toMatchObject({
      id: `/subscriptions/${OTHER_SUB}`,
      subscriptionId: OTHER_SUB,
      tenantId: TENANT_ID,
      displayName: 'old',
      state: 'Disabled',
      authorizationSource: 'RoleBased',
      subscriptionPolicies: { spendingLimit: 'Off' },
    });
    expect(body).not.toHaveProperty('nextLink');
  });

  it('gets one subscription, in any case, or 404 SubscriptionNotFound', async () => {
    const found = await client.json<{ subscriptionId: string }>(`/subscriptions/${SUB.toUpperCase()}?${API}`);
    expect(found.body.subscriptionId).toBe(SUB);
    const missing = await client.json<ErrorBody>(`/subscriptions/99999999-9999-4999-8999-999999999999?${API}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('SubscriptionNotFound');
    const under = await client.json<ErrorBody>(`/subscriptions/99999999-9999-4999-8999-999999999999/providers/Microsoft.Sql/servers?${API}`);
    expect(under.body.error.code).toBe('SubscriptionNotFound');
  });
});

describe('fake ARM: lists', () => {
  it('lists a type across a subscription, and only that subscription', async () => {
    const { status, body } = await client.json<ListBody>(`/subscriptions/${SUB}/providers/Microsoft.Network/networkSecurityGroups?${API}`);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([NSG_A, NSG_B]);
    const other = await client.json<ListBody>(`/subscriptions/${OTHER_SUB}/providers/microsoft.network/NETWORKSECURITYGROUPS?${API}`);
    expect(ids(other.body)).toEqual([NSG_OTHER]);
  });

  it('does not list child or extension resources as their subscription’s resources', async () => {
    const settings = await client.json<ListBody>(`/subscriptions/${SUB}/providers/Microsoft.Insights/diagnosticSettings?${API}`);
    expect(ids(settings.body)).toEqual([]);
  });

  it('lists a type in a resource group', async () => {
    const { body } = await client.json<ListBody>(`${group(SUB, 'RG-B')}/providers/Microsoft.Network/networkSecurityGroups?${API}`);
    expect(ids(body)).toEqual([NSG_B]);
  });

  it('answers an empty list for a type with no resources, and 404 for a missing resource group', async () => {
    const empty = await client.json<ListBody>(`${group(SUB, 'rg-a')}/providers/Microsoft.Devices/IotHubs?${API}`);
    expect(empty).toMatchObject({ status: 200, body: { value: [] } });
    const missing = await client.json<ErrorBody>(`${group(SUB, 'rg-none')}/providers/Microsoft.Devices/IotHubs?${API}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ResourceGroupNotFound');
  });

  it('lists the resource groups that the resources are in', async () => {
    const { body } = await client.json<{ value: Array<{ name: string; type: string }> }>(`/subscriptions/${SUB}/resourcegroups?${API}`);
    expect(body.value.map((item) => item.name)).toEqual(['rg-a', 'rg-b', 'rg-data']);
    expect(body.value[0]?.type).toBe('Microsoft.Resources/resourceGroups');
  });

  it('lists a child collection under its parent', async () => {
    const databases = await client.json<ListBody>(`${SERVER}/databases?${API}`);
    expect(ids(databases.body)).toEqual([DB1, DB2]);
    const encryption = await client.json<ListBody>(`${DB1}/transparentDataEncryption?${API}`);
    expect(ids(encryption.body)).toEqual([TDE1]);
    const containers = await client.json<ListBody>(`${ACCOUNT}/blobServices/default/containers?${API}`);
    expect(ids(containers.body)).toEqual([CONTAINER]);
  });

  it('lists a scale set\'s instance interfaces and public IPs at the scale set, and not in the subscription-wide lists', async () => {
    expect(ids((await client.json<ListBody>(`${SCALE_SET}/networkInterfaces?${API}`)).body)).toEqual([INSTANCE_NIC]);
    expect(ids((await client.json<ListBody>(`${SCALE_SET.toLowerCase()}/publicipaddresses?${API}`)).body)).toEqual([INSTANCE_IP]);
    expect(ids((await client.json<ListBody>(`/subscriptions/${SUB}/providers/Microsoft.Network/networkInterfaces?${API}`)).body)).toEqual([]);
    expect(ids((await client.json<ListBody>(`/subscriptions/${SUB}/providers/Microsoft.Network/publicIPAddresses?${API}`)).body)).toEqual([]);
    const missing = await client.json<ErrorBody>(`${SCALE_SET.replace('vmss-web', 'vmss-none')}/networkInterfaces?${API}`);
    expect(missing.body.error.code).toBe('ParentResourceNotFound');
    // As ARM does for a Flexible scale set, whose VMs' interfaces are top-level.
    for (const type of ['networkInterfaces', 'publicipaddresses']) {
      const flexible = await client.json<ErrorBody>(`${FLEXIBLE_SCALE_SET}/${type}?${API}`);
      expect(flexible).toMatchObject({ status: 404, body: { error: { code: 'NotFound' } } });
    }
  });

  it('answers an empty child collection, or 404 ParentResourceNotFound when the parent is missing', async () => {
    const empty = await client.json<ListBody>(`${SERVER}/firewallRules?${API}`);
    expect(empty).toMatchObject({ status: 200, body: { value: [] } });
    const orphan = await client.json<ErrorBody>(`${SERVER.replace('sql-1', 'sql-none')}/databases?${API}`);
    expect(orphan.status).toBe(404);
    expect(orphan.body.error.code).toBe('ParentResourceNotFound');
  });

  it('lists a resource’s diagnostic settings for its id in any case, in one page', async () => {
    const path = `${DB1.toLowerCase()}/providers/microsoft.insights/diagnosticSettings?api-version=2021-05-01-preview`;
    const { status, body } = await client.json<ListBody>(path);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([DB1_DIAGNOSTICS]);
    expect(body).not.toHaveProperty('nextLink');
    const none = await client.json<ListBody>(`${DB2}/providers/Microsoft.Insights/diagnosticSettings?${API}`);
    expect(none.body.value).toEqual([]);
  });
});

describe('fake ARM: resources by id', () => {
  it('gets a resource by its id in any case, keeping its own casing', async () => {
    const { status, body } = await client.json<{ id: string }>(`${TDE1.toUpperCase()}?${API}`);
    expect(status).toBe(200);
    expect(body.id).toBe(TDE1);
  });

  it('answers 404 ResourceNotFound with ARM’s message for a missing resource', async () => {
    const { status, body } = await client.json<ErrorBody>(
      `${group(SUB, 'rg-a')}/providers/Microsoft.Network/networkSecurityGroups/nsg-none?${API}`,
    );
    expect(status).toBe(404);
    expect(body.error).toEqual({
      code: 'ResourceNotFound',
      message: "The Resource 'Microsoft.Network/networkSecurityGroups/nsg-none' under resource group 'rg-a' was not found.",
    });
  });
});

describe('fake ARM: paging', () => {
  it('pages a long list through nextLinks on the same path, keeping the api-version', async () => {
    const { client: pagedClient, arm: pagedArm } = await startExtra({ pageSize: 3 });
    const databasesPath = `${group(SUB, 'rg-data')}/providers/Microsoft.Sql/servers/sql-1/databases`;
    const manyDatabases = Array.from({ length: 8 }, (_, i) => resource(`${SERVER}/databases/db-${i}`, 'Microsoft.Sql/servers/databases'));
    const { arm: bigArm, client: bigClient } = await startExtra({
      pageSize: 3,
      tenant: { ...tenant, resources: [...tenant.resources.filter((r) => r.id !== DB1 && r.id !== DB2), ...manyDatabases] },
    });

    const first = await bigClient.json<ListBody>(`${databasesPath}?${API}`);
    expect(ids(first.body)).toHaveLength(3);
    expect(first.body.nextLink).toBe(`${bigArm.url}${databasesPath}?${API}&$skiptoken=3`);
    const second = await bigClient.json<ListBody>(first.body.nextLink ?? '');
    expect(second.body.nextLink).toBe(`${bigArm.url}${databasesPath}?${API}&$skiptoken=6`);
    const third = await bigClient.json<ListBody>(second.body.nextLink ?? '');
    expect(third.body).not.toHaveProperty('nextLink');
    expect([...ids(first.body), ...ids(second.body), ...ids(third.body)]).toEqual(manyDatabases.map((r) => r.id));
    expect(bigArm.requests.map((r) => r.query)).toEqual([API, `${API}&$skiptoken=3`, `${API}&$skiptoken=6`]);

    // A list of exactly one page has no nextLink.
    const nsgs = await pagedClient.json<ListBody>(`/subscriptions/${SUB}/providers/Microsoft.Network/networkSecurityGroups?${API}`);
    expect(nsgs.body).not.toHaveProperty('nextLink');
    expect(pagedArm.requests).toHaveLength(1);
  });
});

describe('fake ARM: faults', () => {
  const nsgList = `/subscriptions/${SUB}/providers/Microsoft.Network/networkSecurityGroups?${API}`;

  it.each([
    ['401', 401, 'InvalidAuthenticationToken'],
    ['403', 403, 'AuthorizationFailed'],
    ['404', 404, 'ResourceNotFound'],
    ['429', 429, 'TooManyRequests'],
    ['500', 500, 'InternalServerError'],
    ['503', 503, 'ServiceUnavailable'],
  ] as const)('%s answers its status with ARM’s default error', async (kind, status, code) => {
    arm.setFaults([{ match: `/subscriptions/${SUB}`, kind }]);
    const answer = await client.json<ErrorBody>(nsgList);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).not.toBe('');
    expect(arm.requests[0]?.status).toBe(status);
  });

  it('uses the given code and message, and leaves other paths alone', async () => {
    arm.setFaults([{ match: `/subscriptions/${SUB}`, kind: '403', code: 'LinkedAuthorizationFailed', message: 'no' }]);
    const denied = await client.json<ErrorBody>(nsgList);
    expect(denied.body.error).toEqual({ code: 'LinkedAuthorizationFailed', message: 'no' });
    const other = await client.send(`/subscriptions/${OTHER_SUB}/providers/Microsoft.Network/networkSecurityGroups?${API}`);
    expect(other.status).toBe(200);
  });

  it('sends Retry-After with a 429 only when given', async () => {
    arm.setFaults([{ match: '/subscriptions/', kind: '429', retryAfterSeconds: 7, times: 1 }, { match: '/subscriptions/', kind: '429', times: 1 }]);
    expect((await client.send(nsgList)).headers['retry-after']).toBe('7');
    const withoutHeader = await client.send(nsgList);
    expect(withoutHeader.status).toBe(429);
    expect(withoutHeader.headers['retry-after']).toBeUndefined();
  });

  it('faults only `times` matching requests, then serves normally; setFaults starts the count again', async () => {
    const fault = { match: `/subscriptions/${SUB}`, kind: '500', times: 2 } as const;
    arm.setFaults([fault]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.send(nsgList)).status);
    expect(statuses).toEqual([500, 500, 200]);
    arm.setFaults([fault]);
    expect((await client.send(nsgList)).status).toBe(500);
  });

  it('matches a string prefix or a RegExp case-insensitively, first match winning', async () => {
    arm.setFaults([
      { match: /\/DATABASES$/, kind: '503' },
      { match: SERVER.toUpperCase(), kind: '403' },
    ]);
    expect((await client.send(`${SERVER}/databases?${API}`)).status).toBe(503);
    expect((await client.send(`${DB1}?${API}`)).status).toBe(403);
    expect((await client.send(`${NSG_A}?${API}`)).status).toBe(200);
  });

  it('reset closes the connection without an answer', async () => {
    arm.setFaults([{ match: NSG_A, kind: 'reset', times: 1 }]);
    await expect(client.send(`${NSG_A}?${API}`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(arm.requests[0]?.status).toBe(0);
    expect((await client.send(`${NSG_A}?${API}`)).status).toBe(200);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    arm.setFaults([{ match: '/subscriptions', kind: 'malformed' }]);
    const answer = await client.send(nsgList);
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.body)).toThrow(SyntaxError);
  });

  it('nextLinkLoop answers a page whose nextLink is that same page, forever', async () => {
    arm.setFaults([{ match: `/subscriptions/${SUB}/providers/Microsoft.Network`, kind: 'nextLinkLoop' }]);
    const first = await client.json<ListBody>(nsgList);
    expect(ids(first.body)).toEqual([NSG_A, NSG_B]);
    expect(first.body.nextLink).toBe(`${arm.url}${nsgList}&$skiptoken=0`);
    const again = await client.json<ListBody>(first.body.nextLink ?? '');
    expect(again.body).toEqual(first.body);
  });

  it('slow delays the normal answer', async () => {
    arm.setFaults([{ match: NSG_A, kind: 'slow', delayMs: 200 }]);
    const started = performance.now();
    const answer = await client.json<{ id: string }>(`${NSG_A}?${API}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(answer.body.id).toBe(NSG_A);
  });
});

describe('fake ARM: read-only', () => {
  it('answers anything but GET (and a Graph query) with 405 and records it', async () => {
    const answer = await client.json<ErrorBody>(`${NSG_A}?${API}`, { method: 'DELETE' });
    expect(answer.status).toBe(405);
    expect(answer.body.error.code).toBe('MethodNotAllowed');
    // Resource Graph's query is the one POST it serves (test/fake-arm/graph.test.ts); a POST anywhere else is refused.
    expect((await client.send(`${NSG_A}/listKeys?${API}`, { method: 'POST' })).status).toBe(405);
    expect(arm.requests.map((r) => [r.method, r.status])).toEqual([
      ['DELETE', 405],
      ['POST', 405],
    ]);
  });
});

describe('fake ARM: read limit', () => {
  it('throttles a subscription whose bucket is empty, counting down the remaining reads', async () => {
    const { client: limited, arm: limitedArm } = await startExtra({ readBucket: { capacity: 3, refillPerSecond: 1 } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await limited.send(`${NSG_A}?${API}`));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers['x-ms-ratelimit-remaining-subscription-reads'])).toEqual(['2', '1', '0', '0']);
    const throttled = answers[3];
    expect(throttled?.headers['retry-after']).toBe('1');
    expect((JSON.parse(throttled?.body ?? '') as ErrorBody).error.code).toBe('SubscriptionRequestsThrottled');
    expect(limitedArm.requests.at(-1)?.status).toBe(429);

    // Other subscriptions, and requests outside any subscription, are not held back.
    expect((await limited.send(`${NSG_OTHER}?${API}`)).status).toBe(200);
    expect((await limited.send(`/subscriptions?${API}`)).status).toBe(200);

    // The 429 took nothing; a second later one token is back.
    await sleep(1050);
    const refilled = await limited.send(`${NSG_A}?${API}`);
    expect(refilled.status).toBe(200);
    expect(refilled.headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('0');
  });
});

describe('fake ARM: latency', () => {
  it('delays every answer, many at once', async () => {
    const { client: slowClient } = await startExtra({ latencyMs: 150 });
    await slowClient.send(`/subscriptions?${API}`); // the TLS handshake, outside the timing
    const started = performance.now();
    await slowClient.send(`${NSG_A}?${API}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);

    const burstStarted = performance.now();
    const burst = await Promise.all(Array.from({ length: 50 }, () => slowClient.send(`${NSG_A}?${API}`)));
    expect(burst.every((a) => a.status === 200)).toBe(true);
    expect(performance.now() - burstStarted).toBeLessThan(150 * 10);
  });
});

describe('fake ARM: recording', () => {
  it('records every request in arrival order, with its path, query, subscription and status', async () => {
    const before = Date.now();
    await client.send(`/subscriptions?${API}`);
    await client.send(`${group(SUB, 'rg-a')}/providers/Microsoft.Network/networkSecurityGroups/nsg%2Dnone/?${API}`);
    await client.send(`${NSG_A}?${API}`, { token: 'wrong' });
    expect(arm.requests).toEqual([
      { method: 'GET', path: '/subscriptions', query: API, status: 200, authorization: 'valid', at: expect.any(Number) },
      {
        method: 'GET',
        path: `${group(SUB, 'rg-a')}/providers/Microsoft.Network/networkSecurityGroups/nsg-none`,
        query: API,
        subscriptionId: SUB,
        status: 404,
        authorization: 'valid',
        at: expect.any(Number),
      },
      { method: 'GET', path: NSG_A, query: API, subscriptionId: SUB, status: 401, authorization: 'invalid', at: expect.any(Number) },
    ]);
    const times = arm.requests.map((r) => r.at);
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    arm.resetRequests();
    expect(arm.requests).toEqual([]);
  });
});
