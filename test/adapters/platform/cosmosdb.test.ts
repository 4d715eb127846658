import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COSMOS_DB_ENDPOINTS } from '../../../src/adapters/exposure/platform/cosmosdb.js';
import { COSMOS_DB_ACCOUNT_TYPE } from '../../../src/inventory/arm-types.js';
import { inventoryFromSnapshot } from '../../../src/inventory/snapshot.js';
import type { PlatformEndpoint } from '../../../src/model/exposure.js';
import { NotEvaluated } from '../../../src/model/not-evaluated.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'exposure', 'platform', 'cosmosdb');

function endpointsOf(fixture: string): PlatformEndpoint[] {
  const inventory = inventoryFromSnapshot(JSON.parse(readFileSync(join(FIXTURES, `${fixture}.json`), 'utf8')), fixture);
  const [account] = inventory.ofType(COSMOS_DB_ACCOUNT_TYPE);
  return COSMOS_DB_ENDPOINTS.endpoints(account!, inventory);
}

/** The one endpoint of a fixture's account, with its grants as `kind range/addresses`. */
function only(fixture: string) {
  const endpoints = endpointsOf(fixture);
  expect(endpoints).toHaveLength(1);
  const endpoint = endpoints[0]!;
  return { ...endpoint, grantSummary: endpoint.grants.map((grant) => (grant.kind === 'range' ? `range ${grant.range}/${grant.addresses}` : grant.kind)) };
}

describe('Cosmos DB platform endpoints', () => {
  it('reads the host and port from documentEndpoint, and declares the one type it reads', () => {
    const endpoint = only('all-networks');
    expect(endpoint).toMatchObject({ host: 'cosmos-fixture.documents.azure.com', hostPath: 'properties.documentEndpoint', ports: [443], service: 'documents', resourceType: COSMOS_DB_ACCOUNT_TYPE });
    expect(COSMOS_DB_ENDPOINTS.reads).toEqual([COSMOS_DB_ACCOUNT_TYPE]);
  });

  it('no IP rule and the virtual network filter off: everyone, keys and Entra ID', () => {
    const endpoint = only('all-networks');
    expect(endpoint.reachableBy).toBe('everyone');
    expect(endpoint.grantSummary).toEqual(['everyone']);
    expect(endpoint.auth).toEqual(['keys', 'entra']);
  });

  it('virtual network rules with the filter off are not enforced: everyone, and the subnets are not listed', () => {
    expect(only('virtual-network-rules-filter-off')).toMatchObject({ reachableBy: 'everyone', grantSummary: ['everyone'] });
  });

  it('SecuredByPerimeter is not Disabled: the account\'s own firewall decides', () => {
    expect(only('secured-by-perimeter').reachableBy).toBe('everyone');
  });

  it('0.0.0.0 is every address in Azure, the azure grant, not a one-address range', () => {
    expect(only('azure-datacenters')).toMatchObject({ reachableBy: 'azure', grantSummary: ['azure'] });
    const beside = only('azure-datacenters-and-ranges');
    expect(beside.reachableBy).toBe('azure');
    expect(beside.grantSummary).toEqual(['azure', 'range 203.0.113.0/24/256']);
    expect(beside.grants[0]!.source).toEqual({ resourceId: beside.resourceId, path: 'properties.ipRules[1].ipAddressOrRange', value: '0.0.0.0' });
  });

  it('a /0 rule is everyone', () => {
    expect(only('every-address-rule')).toMatchObject({ reachableBy: 'everyone', grantSummary: ['everyone'] });
  });

  it('ranges carry their address counts, the portal\'s addresses one each; bypass and private endpoints are listed after them', () => {
    const ranges = only('ip-ranges');
    expect(ranges.reachableBy).toBe('ranges');
    expect(ranges.grantSummary).toEqual(['range 203.0.113.0/24/256', 'range 198.51.100.7/1', 'trustedServices', 'privateEndpoint']);
    expect(ranges.auth).toEqual(['entra']);
    expect(only('portal-addresses-only')).toMatchObject({
      reachableBy: 'ranges',
      grantSummary: ['range 13.91.105.215/1', 'range 4.210.172.107/1', 'range 13.88.56.148/1', 'range 40.91.218.243/1'],
    });
  });

  it('subnets only, the trusted-services bypass only, or public network access Disabled: not listed', () => {
    expect(endpointsOf('virtual-network-only')).toEqual([]);
    expect(endpointsOf('trusted-services-only')).toEqual([]);
    expect(endpointsOf('public-access-disabled')).toEqual([]);
  });

  it('a MongoDB account lists the documentEndpoint host only: ARM\'s GET states no mongo host', () => {
    expect(only('mongodb-api-all-networks')).toMatchObject({ host: 'cosmos-fixture.documents.azure.com', ports: [443], reachableBy: 'everyone' });
  });

  it('a malformed IP rule or a missing documentEndpoint makes the endpoint unknown', () => {
    expect(() => endpointsOf('ip-rule-malformed')).toThrow(/properties\.ipRules\[0\]\.ipAddressOrRange is "203\.0\.113\.0\/33"/);
    expect(() => endpointsOf('ip-rule-malformed')).toThrow(NotEvaluated);
    expect(() => endpointsOf('document-endpoint-absent')).toThrow(/documentEndpoint is absent/);
  });
});
