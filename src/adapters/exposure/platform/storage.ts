import type { PlatformAuth, PlatformEndpoint, PlatformGrant } from '../../../model/exposure.js';
import { MalformedProperty, NotEvaluated } from '../../../model/not-evaluated.js';
import { BLOB_CONTAINER_TYPE, blobServiceId, STORAGE_ACCOUNT_TYPE } from '../../../inventory/arm-types.js';
import type { Inventory } from '../../../inventory/inventory.js';
import { type ArmResource, isJsonObject } from '../../../inventory/types.js';
import { sameText, valueAt } from '../../setting.js';
import {
  allowsBlobPublicAccess,
  allowsSharedKeyAccess,
  containerPublicAccess,
  isLocalUserEnabled,
  isNfsV3Enabled,
  isSftpEnabled,
  networkBypass,
  networkDefaultAction,
  networkIpRules,
  networkResourceAccessRules,
  networkVirtualNetworkRules,
  publicNetworkAccess,
} from '../../storage.js';
import { endpointOf, everyoneGrant, hostAt, ipRuleGrant, privateEndpointGrants, publicAccessOf, widestReach } from './grants.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * A storage account's endpoints, one per service ARM lists in `primaryEndpoints` (and
 * `secondaryEndpoints`, for read-access geo-redundant accounts): blob, dfs, queue, table and web
 * on 443, file on 443 (REST) and 445 (SMB); SFTP on 22 and NFS 3.0 on 2049 on the blob host when
 * enabled. All of them sit behind the one account firewall (`networkAcls`) and `publicNetworkAccess`,
 * read through the accessors AZ-STG-003 and AZ-STG-006 read.
 */
export const STORAGE_ENDPOINTS: PlatformEndpointSource = {
  resourceType: STORAGE_ACCOUNT_TYPE,
  reads: [STORAGE_ACCOUNT_TYPE, BLOB_CONTAINER_TYPE],
  endpoints(account, inventory) {
    const grants = accountGrants(account);
    if (widestReach(grants) === undefined) return [];
    const keys = allowsSharedKeyAccess(account).value;
    const anonymousBlobs = mayServeAnonymousBlobs(account, inventory);
    const endpoints: PlatformEndpoint[] = [];
    const lists = ['primaryEndpoints', 'secondaryEndpoints'] as const;
    for (const list of lists) {
      const path = `properties.${list}`;
      const hosts = valueAt(account.raw, path);
      if (hosts === undefined || hosts === null) {
        if (list === 'primaryEndpoints') throw new NotEvaluated('MissingProperty', `${path} is absent: the account is reachable and its hosts cannot be named`);
        continue;
      }
      if (!isJsonObject(hosts)) throw new MalformedProperty(path, 'an object of service endpoints', hosts);
      const suffix = list === 'secondaryEndpoints' ? '-secondary' : '';
      for (const { service, ports } of SERVICES) {
        const at = hostAt(account, `${path}.${service}`);
        if (at === undefined) continue;
        const auth: PlatformAuth[] = service === 'web' ? ['anonymous'] : [...(keys ? (['keys'] as const) : []), 'entra'];
        if ((service === 'blob' || service === 'dfs') && anonymousBlobs) auth.push('anonymous');
        endpoints.push(endpointOf(account, { service: `${service}${suffix}`, ...at, ports }, grants, auth));
        if (service !== 'blob' || suffix !== '') continue;
        // SFTP and NFS 3.0 answer on the blob host of the primary region only.
        if (isSftpEnabled(account).value) endpoints.push(endpointOf(account, { service: 'sftp', ...at, ports: [22] }, grants, isLocalUserEnabled(account).value ? ['keys'] : []));
        if (isNfsV3Enabled(account).value) endpoints.push(endpointOf(account, { service: 'nfs', ...at, ports: [2049] }, grants, ['anonymous']));
      }
    }
    return endpoints;
  },
};

const SERVICES: ReadonlyArray<{ service: string; ports: readonly number[] }> = [
  { service: 'blob', ports: [443] },
  { service: 'dfs', ports: [443] },
  { service: 'file', ports: [443, 445] },
  { service: 'queue', ports: [443] },
  { service: 'table', ports: [443] },
  { service: 'web', ports: [443] },
];

/**
 * Every way through the account firewall. `publicNetworkAccess` Disabled leaves only private
 * endpoints. Otherwise a default action of Allow (or no `networkAcls`) admits everyone; Deny
 * admits the IP rules' ranges, and, without reaching the account from outside, the virtual
 * network rules' subnets, the trusted services of `bypass` and the resource instances of
 * `resourceAccessRules`. A default action that is neither is malformed: it decides everything.
 */
function accountGrants(account: ArmResource): PlatformGrant[] {
  const privateEndpoints = privateEndpointGrants(account);
  if (publicAccessOf(publicNetworkAccess(account)) === 'disabled') return privateEndpoints;
  const defaultAction = networkDefaultAction(account);
  if (sameText(defaultAction.value, 'Allow')) return [everyoneGrant(defaultAction), ...privateEndpoints];
  if (!sameText(defaultAction.value, 'Deny')) throw new MalformedProperty(defaultAction.path, 'Allow or Deny', defaultAction.raw);
  const grants: PlatformGrant[] = networkIpRules(account).rules.map((rule) => ipRuleGrant(rule.value, account.id, rule.path));
  for (const rule of networkVirtualNetworkRules(account)) grants.push({ kind: 'virtualNetwork', subnetId: rule.subnetId, source: { resourceId: account.id, path: rule.path, value: rule.subnetId } });
  const bypass = networkBypass(account);
  const trusted = bypass.value.split(',').map((part) => part.trim()).filter((part) => part !== '' && !sameText(part, 'None'));
  if (trusted.length > 0) grants.push({ kind: 'trustedServices', source: { resourceId: account.id, path: bypass.path, value: bypass.absent ? 'AzureServices' : bypass.raw } });
  for (const rule of networkResourceAccessRules(account)) grants.push({ kind: 'trustedServices', source: { resourceId: account.id, path: rule.path, value: rule.resourceId } });
  return [...grants, ...privateEndpoints];
}

/**
 * Whether the blob endpoint may serve blobs with no credential: the account permits anonymous
 * access (`allowBlobPublicAccess`, absent read as allowed) and a container's access level is
 * Blob or Container. Where containers were not read, or a container's level cannot be read,
 * that cannot be ruled out, and anonymous is listed: an unread setting is never called safe.
 */
function mayServeAnonymousBlobs(account: ArmResource, inventory: Inventory): boolean {
  if (!allowsBlobPublicAccess(account).value) return false;
  const blobService = blobServiceId(account);
  if (inventory.unavailable(blobService, BLOB_CONTAINER_TYPE)) return true;
  return inventory.childrenOf(blobService, BLOB_CONTAINER_TYPE).some((container) => {
    try {
      const level = containerPublicAccess(container).value;
      return sameText(level, 'Blob') || sameText(level, 'Container');
    } catch (error) {
      if (error instanceof NotEvaluated) return true;
      throw error;
    }
  });
}
