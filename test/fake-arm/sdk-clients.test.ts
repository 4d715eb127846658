import { readFileSync } from 'node:fs';
import type { TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeArm, startFakeArm } from './server.js';
import { fakeTenantFromSnapshot } from './tenant.js';

// The real SDK clients against the fake, so that the fake answers what they ask in the way they
// expect: their URLs, paging through nextLink, and errors surfacing as RestError codes.

const TOKEN = 'sdk-token';
const SUB = '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a01';
const DATA_GROUP = `/subscriptions/${SUB}/resourceGroups/rg-data`;
const LAKE_BLOB_SERVICE = `${DATA_GROUP}/providers/Microsoft.Storage/storageAccounts/stcontosolake/blobServices/default`;

const credential: TokenCredential = {
  getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

let arm: FakeArm;
let options: Record<string, unknown>;

beforeAll(async () => {
  const snapshot = JSON.parse(readFileSync(new URL('../../fixtures/demo-tenant.json', import.meta.url), 'utf8')) as Parameters<
    typeof fakeTenantFromSnapshot
  >[0];
  // A page size of 1 makes every list of more than one item go through nextLink.
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(snapshot), token: TOKEN, pageSize: 1 });
  options = {
    endpoint: arm.url,
    credentialScopes: [`${arm.url}/.default`],
    tlsOptions: { ca: readFileSync(arm.caCertPath, 'utf8') },
    retryOptions: { maxRetries: 0 },
  };
});

afterAll(async () => {
  await arm.close();
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

describe('fake ARM with the Azure SDK clients', () => {
  it('lists subscriptions', async () => {
    const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
    const subscriptions = await all(new SubscriptionClient(credential, options).subscriptions.list());
    expect(subscriptions.map((s) => [s.displayName, s.state])).toEqual([
      ['contoso-iot-prod', 'Enabled'],
      ['contoso-analytics', 'Enabled'],
    ]);
  });

  it('pages through a subscription-wide list', async () => {
    const { NetworkManagementClient } = await import('@azure/arm-network');
    const groups = await all(new NetworkManagementClient(credential, SUB, options).networkSecurityGroups.listAll());
    expect(groups.map((g) => g.name)).toEqual(['nsg-elastic', 'nsg-mqtt-broker', 'nsg-app', 'nsg-web-subnet', 'nsg-legacy-db', 'nsg-lab-debug']);
    expect(groups[0]?.securityRules?.length).toBeGreaterThan(0);
  });

  it('lists child collections', async () => {
    const { SqlManagementClient } = await import('@azure/arm-sql');
    const databases = await all(new SqlManagementClient(credential, SUB, options).databases.listByServer('rg-data', 'sql-contoso-prod'));
    expect(databases.map((d) => d.name)).toEqual(['master', 'contacts', 'analytics-staging']);

    const { StorageManagementClient } = await import('@azure/arm-storage');
    const containers = await all(new StorageManagementClient(credential, SUB, options).blobContainers.list('rg-data', 'stcontosolake'));
    expect(containers.map((c) => c.name)).toEqual(['raw-telemetry', 'curated']);
  });

  it('lists a resource’s diagnostic settings, given its id without the leading slash', async () => {
    const { MonitorClient } = await import('@azure/arm-monitor');
    const settings = await new MonitorClient(credential, SUB, options).diagnosticSettings.list(LAKE_BLOB_SERVICE.slice(1));
    expect(settings.value?.map((s) => s.name)).toEqual(['lake-audit']);
  });

  it('surfaces a missing resource and an injected fault as RestErrors with ARM’s code', async () => {
    const { NetworkManagementClient } = await import('@azure/arm-network');
    const network = new NetworkManagementClient(credential, SUB, options);
    await expect(network.networkSecurityGroups.get('rg-app', 'nsg-none')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    arm.setFaults([{ match: `/subscriptions/${SUB}/providers/Microsoft.Network`, kind: '403', times: 1 }]);
    await expect(all(network.networkSecurityGroups.listAll())).rejects.toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
    expect(arm.requests.every((r) => r.method === 'GET' && r.authorization === 'valid')).toBe(true);
  });
});
