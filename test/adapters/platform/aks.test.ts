import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AKS_API_SERVER } from '../../../src/adapters/exposure/platform/aks.js';
import { PLATFORM_ENDPOINT_SOURCES } from '../../../src/adapters/exposure/platform/index.js';
import { AKS_CLUSTER_TYPE } from '../../../src/inventory/arm-types.js';
import { inventoryFromSnapshot } from '../../../src/inventory/snapshot.js';
import { MalformedProperty } from '../../../src/model/not-evaluated.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'exposure', 'platform', 'aks');
const HOST = 'aks-fixture-k7q2m9x4.hcp.westeurope.azmk8s.io';

function endpointsOf(name: string) {
  const inventory = inventoryFromSnapshot(JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')), name);
  const [cluster] = inventory.ofType(AKS_CLUSTER_TYPE);
  return () => AKS_API_SERVER.endpoints(cluster!, inventory);
}

describe('the AKS API server as a platform endpoint', () => {
  it('is one of the platform sources, and reads the cluster alone', () => {
    expect(PLATFORM_ENDPOINT_SOURCES).toContain(AKS_API_SERVER);
    expect(AKS_API_SERVER.reads).toEqual([AKS_CLUSTER_TYPE]);
  });

  it('a public cluster with no access profile: everyone, at properties.fqdn on 443, client certificates and Entra', () => {
    const [endpoint, ...rest] = endpointsOf('no-authorized-ranges')();
    expect(rest).toEqual([]);
    expect(endpoint).toMatchObject({ service: 'api-server', host: HOST, hostPath: 'properties.fqdn', ports: [443], reachableBy: 'everyone', auth: ['certificates', 'entra'] });
    expect(endpoint!.grants).toEqual([{ kind: 'everyone', source: { resourceId: endpoint!.resourceId, path: 'properties.apiServerAccessProfile.authorizedIPRanges', value: undefined } }]);
  });

  it('an empty authorizedIPRanges is no restriction; without aadProfile only certificates sign in', () => {
    const [endpoint] = endpointsOf('authorized-ranges-empty')();
    expect(endpoint).toMatchObject({ reachableBy: 'everyone', auth: ['certificates'] });
    expect(endpoint!.grants).toEqual([{ kind: 'everyone', source: { resourceId: endpoint!.resourceId, path: 'properties.apiServerAccessProfile.authorizedIPRanges', value: [] } }]);
  });

  it('authorized ranges: a range grant each, with its address count; local accounts disabled leaves Entra alone', () => {
    const [endpoint] = endpointsOf('authorized-ranges')();
    expect(endpoint).toMatchObject({ reachableBy: 'ranges', auth: ['entra'] });
    expect(endpoint!.grants.map((grant) => (grant.kind === 'range' ? [grant.range, grant.addresses, grant.source.path] : grant.kind))).toEqual([
      ['203.0.113.0/24', 256, 'properties.apiServerAccessProfile.authorizedIPRanges[0]'],
      ['198.51.100.7/32', 1, 'properties.apiServerAccessProfile.authorizedIPRanges[1]'],
      ['0.0.0.0/32', 1, 'properties.apiServerAccessProfile.authorizedIPRanges[2]'],
    ]);
  });

  it('a /0 among the ranges is everyone, not a range', () => {
    const [endpoint] = endpointsOf('range-whole-internet')();
    expect(endpoint!.reachableBy).toBe('everyone');
    expect(endpoint!.grants).toEqual([{ kind: 'everyone', source: { resourceId: endpoint!.resourceId, path: 'properties.apiServerAccessProfile.authorizedIPRanges[1]', value: '0.0.0.0/0' } }]);
  });

  it('a private cluster is not listed, even with a public FQDN, which only publishes DNS for the private address', () => {
    expect(endpointsOf('private-cluster')()).toEqual([]);
    expect(endpointsOf('private-cluster-public-fqdn')()).toEqual([]);
  });

  it('a malformed range, or a public cluster with no fqdn, is not evaluated (listed as unknown)', () => {
    expect(endpointsOf('authorized-range-malformed')).toThrow(MalformedProperty);
    expect(endpointsOf('authorized-range-malformed')).toThrow(/authorizedIPRanges\[1\] is "office"/);
    expect(endpointsOf('public-without-fqdn')).toThrow(/properties\.fqdn is missing/);
  });
});
