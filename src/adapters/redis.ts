import { MalformedProperty } from '../model/not-evaluated.js';
import type { ArmResource } from '../inventory/types.js';
import { ipv4RangeSize, parseIPv4 } from './addresses.js';
import { readBoolean, readString, sameText, type Setting } from './setting.js';

/*
 * Azure Cache for Redis caches (`Microsoft.Cache/redis`) as ARM states them at API 2024-11-01
 * (`RedisCommonProperties` and `RedisProperties` in
 * specification/redis/resource-manager/Microsoft.Cache/stable/2024-11-01/redis.json), and their
 * firewall rules (`Microsoft.Cache/redis/firewallRules`, `startIP`–`endIP`).
 */

/** `enableNonSslPort`: "Specifies whether the non-ssl Redis server port (6379) is enabled"; absent means false (the API's default). */
export function nonTlsPortEnabled(cache: ArmResource): Setting<boolean> {
  return readBoolean(cache, 'properties.enableNonSslPort', false);
}

/** Where a cache states its minimum TLS version (`1.0`, `1.1`, `1.2`); how absence is read is `readMinimumTls`'s, see the rule. */
export const REDIS_MINIMUM_TLS_PATH = 'properties.minimumTlsVersion';

/**
 * `publicNetworkAccess`: "Default value is 'Enabled'" (API 2024-11-01). "If 'Disabled', private
 * endpoints are the exclusive access method."
 */
export function redisPublicNetworkAccess(cache: ArmResource): Setting<string> {
  return readString(cache, 'properties.publicNetworkAccess', 'Enabled');
}

/**
 * `subnetId`: the subnet a Premium cache is injected into. Such a cache has no public
 * endpoint: "it isn't publicly addressable and can only be accessed from virtual machines and
 * applications within the virtual network" (Learn, Configure a virtual network for a Premium
 * Azure Cache for Redis instance). Absent means not injected.
 */
export function redisSubnetId(cache: ArmResource): Setting<string> {
  return readString(cache, 'properties.subnetId', '');
}

/** `disableAccessKeyAuthentication` (since API 2024-03-01): "Default value is false", so the access keys work. */
export function accessKeysDisabled(cache: ArmResource): Setting<boolean> {
  return readBoolean(cache, 'properties.disableAccessKeyAuthentication', false);
}

/**
 * `redisConfiguration.aad-enabled`: Microsoft Entra authentication on the cache, written as a
 * string (`"true"`, `"True"`, `"false"`). Absent means not enabled.
 */
export function entraAuthEnabled(cache: ArmResource): Setting<boolean> {
  return readBoolean(cache, 'properties.redisConfiguration.aad-enabled', false);
}

/**
 * `redisConfiguration.authnotrequired`: "Specifies whether the authentication is disabled" —
 * no password at all. Azure allows it only for virtual network injected caches. Absent means false.
 */
export function authenticationNotRequired(cache: ArmResource): Setting<boolean> {
  return readBoolean(cache, 'properties.redisConfiguration.authnotrequired', false);
}

/**
 * Whether the cache has a public endpoint for its firewall rules to guard: not when public
 * network access is Disabled, nor when it is injected into a virtual network. Both the rule
 * "open to all networks" and the cache's platform endpoint decide with this.
 */
export function redisPublicEndpoint(cache: ArmResource): { readonly open: boolean; readonly publicAccess: Setting<string>; readonly subnetId: Setting<string> } {
  const publicAccess = redisPublicNetworkAccess(cache);
  if (sameText(publicAccess.value, 'Disabled')) return { open: false, publicAccess, subnetId: redisSubnetId(cache) };
  const subnetId = redisSubnetId(cache);
  return { open: subnetId.value.trim() === '', publicAccess, subnetId };
}

export interface RedisFirewallRange {
  readonly start: number;
  readonly end: number;
  readonly startText: string;
  readonly endText: string;
  readonly addresses: number;
}

/** A firewall rule's `startIP`–`endIP`; a value that is not IPv4, or an end below the start, is malformed. */
export function redisFirewallRange(rule: { readonly properties: ArmResource['properties'] }): RedisFirewallRange {
  const startText = rule.properties.startIP;
  const endText = rule.properties.endIP;
  const start = typeof startText === 'string' ? parseIPv4(startText) : undefined;
  if (start === undefined) throw new MalformedProperty('properties.startIP', 'an IPv4 address', startText);
  const end = typeof endText === 'string' ? parseIPv4(endText) : undefined;
  if (end === undefined || end < start) throw new MalformedProperty('properties.endIP', 'an IPv4 address not below startIP', endText);
  return { start, end, startText: startText as string, endText: endText as string, addresses: ipv4RangeSize(start, end) };
}

/** 0.0.0.0–255.255.255.255: every address. A Redis cache has no "all of Azure" rule. */
export function admitsEveryAddress(range: RedisFirewallRange): boolean {
  return range.addresses === 2 ** 32;
}
