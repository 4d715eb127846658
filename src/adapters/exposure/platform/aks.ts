import { AKS_CLUSTER_TYPE } from '../../../inventory/arm-types.js';
import type { ArmResource } from '../../../inventory/types.js';
import type { PlatformAuth, PlatformEndpoint, PlatformGrant } from '../../../model/exposure.js';
import { MalformedProperty } from '../../../model/not-evaluated.js';
import { apiServerFqdn, apiServerReach, entraProfile, localAccountsDisabled } from '../../aks.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * An AKS cluster's Kubernetes API server, on 443 at `properties.fqdn`. Reach is AZ-AKS-001's
 * reading (`apiServerReach`): a private cluster has no public endpoint, even with
 * `enablePrivateClusterPublicFQDN`, whose public DNS name resolves to the private address; a
 * public one admits everyone unless `authorizedIPRanges` lists ranges, and a `/0` among them
 * admits everyone too.
 */
export const AKS_API_SERVER: PlatformEndpointSource = {
  resourceType: AKS_CLUSTER_TYPE,
  reads: [AKS_CLUSTER_TYPE],
  endpoints(cluster) {
    const reach = apiServerReach(cluster);
    if (reach.kind === 'private') return [];
    const fqdn = apiServerFqdn(cluster);
    // A public cluster always has one; without it the endpoint cannot be named, so it is unknown.
    if (fqdn.value === undefined || fqdn.value === '') throw new MalformedProperty(fqdn.path, "the public API server's host name", fqdn.raw);
    const rangesPath = reach.authorizedRanges.path;
    let grants: PlatformGrant[];
    if (reach.kind === 'ranges') {
      grants = reach.ranges.map((entry) => ({ kind: 'range', range: entry.range, addresses: entry.addresses, source: { resourceId: cluster.id, path: entry.path, value: entry.range } }));
    } else if (reach.wideRange) {
      const wide = reach.wideRange;
      grants = [{ kind: 'everyone', source: { resourceId: cluster.id, path: wide.path, value: wide.range } }];
    } else {
      grants = [{ kind: 'everyone', source: { resourceId: cluster.id, path: rangesPath, value: reach.authorizedRanges.raw } }];
    }
    return [
      {
        resourceId: cluster.id,
        resourceType: AKS_CLUSTER_TYPE,
        name: cluster.name,
        service: 'api-server',
        host: fqdn.value,
        hostPath: fqdn.path,
        ports: [443],
        reachableBy: reach.kind === 'ranges' ? 'ranges' : 'everyone',
        grants,
        auth: apiServerAuth(cluster),
      } satisfies PlatformEndpoint,
    ];
  },
};

/**
 * How callers sign in to the API server: the local accounts' client certificates (in the
 * kubeconfig `az aks get-credentials` returns) unless `disableLocalAccounts`, and Microsoft
 * Entra ID when the cluster has an `aadProfile`.
 */
function apiServerAuth(cluster: ArmResource): PlatformAuth[] {
  const auth: PlatformAuth[] = [];
  if (!localAccountsDisabled(cluster).value) auth.push('certificates');
  if (entraProfile(cluster).value) auth.push('entra');
  return auth;
}
