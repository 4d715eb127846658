import { accessKeysDisabled, admitsEveryAddress, authenticationNotRequired, entraAuthEnabled, nonTlsPortEnabled, redisFirewallRange, redisPublicEndpoint } from '../../redis.js';
import { isApprovedConnection, privateEndpointConnectionsOf } from '../../private-endpoint-connections.js';
import { readNumber, readString } from '../../setting.js';
import { orderedGrants, widestReach } from './grants.js';
import { REDIS_CACHE_TYPE, REDIS_FIREWALL_RULE_TYPE } from '../../../inventory/arm-types.js';
import type { Inventory } from '../../../inventory/inventory.js';
import type { ArmResource } from '../../../inventory/types.js';
import type { PlatformAuth, PlatformEndpoint, PlatformGrant } from '../../../model/exposure.js';
import { NotEvaluated } from '../../../model/not-evaluated.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * An Azure Cache for Redis cache's public endpoint: `hostName` on `sslPort` (6380), and `port`
 * (6379) too when the non-TLS port is enabled. A cache with public network access Disabled or
 * injected into a virtual network (`subnetId`) has none. Otherwise its firewall rules decide:
 * none means every address; 0.0.0.0–255.255.255.255 is every address; any other rule a range.
 */
export const REDIS_ENDPOINTS: PlatformEndpointSource = {
  resourceType: REDIS_CACHE_TYPE,
  reads: [REDIS_CACHE_TYPE, REDIS_FIREWALL_RULE_TYPE],
  endpoints(cache, inventory) {
    if (!redisPublicEndpoint(cache).open) return [];
    const host = readString(cache, 'properties.hostName', undefined).value;
    if (host === undefined || host.trim() === '') throw new NotEvaluated('MissingProperty', 'properties.hostName is absent: ARM states no host for the cache');
    const grants = firewallGrants(cache, inventory);
    // The firewall's grants, never empty (no rule is every address), all reach: everyone or a range.
    const reachableBy = widestReach(grants)!;
    for (const connection of approvedConnections(cache)) {
      grants.push({ kind: 'privateEndpoint', id: connection.privateEndpointId ?? connection.name, source: { resourceId: cache.id, path: connection.path, value: connection.status } });
    }
    return [
      {
        resourceId: cache.id,
        resourceType: REDIS_CACHE_TYPE,
        name: cache.name,
        service: 'redis',
        host,
        hostPath: 'properties.hostName',
        ports: redisPorts(cache),
        reachableBy,
        grants,
        auth: redisAuth(cache),
      } satisfies PlatformEndpoint,
    ];
  },
};

/** The firewall rules' grants, every-address ones first; none at all is every address. */
function firewallGrants(cache: ArmResource, inventory: Inventory): PlatformGrant[] {
  const unavailable = inventory.unavailable(cache, REDIS_FIREWALL_RULE_TYPE);
  if (unavailable) throw new NotEvaluated(unavailable.code, unavailable.reason);
  const rules = inventory.childrenOf(cache, REDIS_FIREWALL_RULE_TYPE);
  // No rule: "every address" is the absence of the firewallRules collection, stated as such.
  if (rules.length === 0) return [{ kind: 'everyone', source: { resourceId: cache.id, path: 'firewallRules', value: [] } }];
  const grants = rules.map((rule): PlatformGrant => {
    let range;
    try {
      range = redisFirewallRange(rule);
    } catch (error) {
      if (error instanceof NotEvaluated) throw new NotEvaluated(error.code, `'${rule.name}': ${error.reason}`);
      throw error;
    }
    const source = { resourceId: rule.id, path: 'properties', value: { startIP: range.startText, endIP: range.endText } };
    if (admitsEveryAddress(range)) return { kind: 'everyone', source };
    const text = range.start === range.end ? range.startText : `${range.startText}-${range.endText}`;
    return { kind: 'range', range: text, addresses: range.addresses, source };
  });
  return orderedGrants(grants);
}

/** Approved private endpoints, listed only: they do not decide reachability, so an unreadable list is left out rather than making the endpoint unknown. */
function approvedConnections(cache: ArmResource) {
  try {
    return privateEndpointConnectionsOf(cache).connections.filter(isApprovedConnection);
  } catch (error) {
    if (error instanceof NotEvaluated) return [];
    throw error;
  }
}

/** `sslPort` (absent: 6380, the TLS port of every cache), and `port` (absent: 6379) when `enableNonSslPort` is true. */
function redisPorts(cache: ArmResource): number[] {
  const tls = readNumber(cache, 'properties.sslPort', 6380).value;
  return nonTlsPortEnabled(cache).value ? [tls, readNumber(cache, 'properties.port', 6379).value] : [tls];
}

/** No credential with `authnotrequired`; access keys unless disabled; Entra ID with `aad-enabled`. */
function redisAuth(cache: ArmResource): PlatformAuth[] {
  const auth: PlatformAuth[] = [];
  if (authenticationNotRequired(cache).value) auth.push('anonymous');
  if (!accessKeysDisabled(cache).value) auth.push('keys');
  if (entraAuthEnabled(cache).value) auth.push('entra');
  return auth;
}
