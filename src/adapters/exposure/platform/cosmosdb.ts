import { cosmosLocalAuthDisabled, cosmosNetworkAccess, cosmosNetworkAclBypass, cosmosVirtualNetworkRules, virtualNetworkFilterEnabled } from '../../cosmosdb.js';
import { isApprovedConnection, privateEndpointConnectionsOf } from '../../private-endpoint-connections.js';
import { readString, sameText } from '../../setting.js';
import { COSMOS_DB_ACCOUNT_TYPE } from '../../../inventory/arm-types.js';
import type { ArmResource } from '../../../inventory/types.js';
import type { PlatformAuth, PlatformEndpoint, PlatformGrant } from '../../../model/exposure.js';
import { MalformedProperty, NotEvaluated } from '../../../model/not-evaluated.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * A Cosmos DB account's public endpoint: the host of `documentEndpoint`
 * (`https://<account>.documents.azure.com:443/`), which every API of the account answers on
 * (NoSQL, and the account's management from SDKs for the others). The API-specific endpoints of
 * MongoDB (`<account>.mongo.cosmos.azure.com:10255`), Cassandra (`…cassandra.cosmos.azure.com:10350`),
 * Gremlin and Table accounts are not stated by the account's GET (only by `listConnectionStrings`,
 * a POST azscan never makes), so they are not listed: azscan never builds a host from a DNS suffix.
 * They sit behind the same firewall, so the listed endpoint's `reachableBy` holds for them too.
 */
export const COSMOS_DB_ENDPOINTS: PlatformEndpointSource = {
  resourceType: COSMOS_DB_ACCOUNT_TYPE,
  reads: [COSMOS_DB_ACCOUNT_TYPE],
  endpoints(account) {
    const access = cosmosNetworkAccess(account);
    if (access.disabled || access.reach === undefined) return [];
    const { host, port } = documentEndpoint(account);
    const grants: PlatformGrant[] = [];
    if (access.unrestricted) grants.push({ kind: 'everyone', source: { resourceId: account.id, path: 'properties.ipRules', value: access.ipRules.raw ?? [] } });
    for (const kind of ['everyone', 'azure', 'range'] as const) {
      for (const rule of access.rules.filter((entry) => entry.kind === kind)) {
        const source = { resourceId: account.id, path: rule.path, value: rule.range };
        grants.push(kind === 'range' ? { kind, range: rule.range, addresses: rule.addresses, source } : { kind, source });
      }
    }
    grants.push(...listedOnly(account));
    return [
      {
        resourceId: account.id,
        resourceType: COSMOS_DB_ACCOUNT_TYPE,
        name: account.name,
        service: 'documents',
        host,
        hostPath: 'properties.documentEndpoint',
        ports: [port],
        reachableBy: access.reach,
        grants,
        auth: cosmosAuth(account),
      } satisfies PlatformEndpoint,
    ];
  },
};

function documentEndpoint(account: ArmResource): { host: string; port: number } {
  const setting = readString(account, 'properties.documentEndpoint', undefined);
  if (setting.value === undefined) throw new NotEvaluated('MissingProperty', 'properties.documentEndpoint is absent: ARM states no host for the account');
  let url: URL;
  try {
    url = new URL(setting.value);
  } catch {
    throw new MalformedProperty('properties.documentEndpoint', 'an https URL', setting.value);
  }
  if (url.protocol !== 'https:' || url.hostname === '') throw new MalformedProperty('properties.documentEndpoint', 'an https URL', setting.value);
  return { host: url.hostname, port: url.port === '' ? 443 : Number(url.port) };
}

/**
 * Ways in that do not reach the endpoint from outside on their own: the trusted-services
 * bypass, subnets (while the filter is on) and approved private endpoints. They do not decide
 * reachability, so an entry azscan cannot read is left out rather than making the endpoint unknown.
 */
function listedOnly(account: ArmResource): PlatformGrant[] {
  const grants: PlatformGrant[] = [];
  const bypass = orUndefined(() => cosmosNetworkAclBypass(account));
  if (bypass !== undefined && sameText(bypass.value, 'AzureServices')) grants.push({ kind: 'trustedServices', source: { resourceId: account.id, path: bypass.path, value: bypass.raw } });
  if (orUndefined(() => virtualNetworkFilterEnabled(account).value) === true) {
    for (const subnet of orUndefined(() => cosmosVirtualNetworkRules(account).subnets) ?? []) {
      grants.push({ kind: 'virtualNetwork', subnetId: subnet.id, source: { resourceId: account.id, path: subnet.path, value: subnet.id } });
    }
  }
  for (const connection of orUndefined(() => privateEndpointConnectionsOf(account).connections) ?? []) {
    if (!isApprovedConnection(connection)) continue;
    grants.push({ kind: 'privateEndpoint', id: connection.privateEndpointId ?? connection.name, source: { resourceId: account.id, path: connection.path, value: connection.status } });
  }
  return grants;
}

/** Keys unless `disableLocalAuth` is true; Entra ID always (data-plane RBAC). A malformed setting is not guessed at. */
function cosmosAuth(account: ArmResource): PlatformAuth[] {
  return cosmosLocalAuthDisabled(account).value ? ['entra'] : ['keys', 'entra'];
}

function orUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotEvaluated) return undefined;
    throw error;
  }
}
