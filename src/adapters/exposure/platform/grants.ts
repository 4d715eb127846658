import type { ConfigLocation } from '../../../model/evidence.js';
import type { PlatformAuth, PlatformEndpoint, PlatformGrant, PlatformReach } from '../../../model/exposure.js';
import { MalformedProperty, NotEvaluated } from '../../../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../../../inventory/types.js';
import { addressCount, ipv4RangeSize, isWholeInternetMask, parseIPv4 } from '../../addresses.js';
import { readString, sameText, type Setting, valueAt } from '../../setting.js';

/*
 * What every platform endpoint source shares: reading an IP rule into a grant with its address
 * count, the widest grant, `publicNetworkAccess`, private endpoint connections, and the host as
 * ARM states it. One implementation each, so that the services cannot disagree about them.
 */

/**
 * A grant for one IP rule's address or CIDR block (`203.0.113.0/24`, `203.0.113.7`, an IPv6
 * block): `everyone` for a /0, else a range carrying its address count. A value that is not an
 * address or block is malformed: it might be the rule that admits everyone.
 */
export function ipRuleGrant(mask: unknown, resourceId: string, path: string): PlatformGrant {
  const source: ConfigLocation = { resourceId, path, value: mask };
  if (typeof mask !== 'string') throw new MalformedProperty(path, 'an IP address or CIDR block', mask);
  if (isWholeInternetMask(mask)) return { kind: 'everyone', source };
  const addresses = addressCount(mask);
  if (addresses === undefined) throw new MalformedProperty(path, 'an IP address or CIDR block', mask);
  return { kind: 'range', range: mask.trim(), addresses, source };
}

/** A grant for a firewall rule's start–end address range (SQL, and others that write ranges). */
export function addressRangeGrant(start: number, end: number, startText: string, endText: string, source: ConfigLocation): PlatformGrant {
  if (start === 0 && end === 0xffffffff) return { kind: 'everyone', source };
  return { kind: 'range', range: start === end ? startText : `${startText}-${endText}`, addresses: ipv4RangeSize(start, end), source };
}

/** A firewall rule's IPv4 start or end address; anything else is malformed. */
export function ipv4At(value: unknown, path: string): number {
  const address = typeof value === 'string' ? parseIPv4(value) : undefined;
  if (address === undefined) throw new MalformedProperty(path, 'an IPv4 address', value);
  return address;
}

const GRANT_ORDER: Record<PlatformGrant['kind'], number> = { everyone: 0, azure: 1, range: 2, trustedServices: 3, virtualNetwork: 4, privateEndpoint: 5 };

/** The widest grant that makes the endpoint reachable from outside, or undefined when none does. */
export function widestReach(grants: readonly PlatformGrant[]): PlatformReach | undefined {
  if (grants.some((grant) => grant.kind === 'everyone')) return 'everyone';
  if (grants.some((grant) => grant.kind === 'azure')) return 'azure';
  if (grants.some((grant) => grant.kind === 'range')) return 'ranges';
  return undefined;
}

/** Grants that make the endpoint reachable first (widest first), each kind in the order its source lists them. */
export function orderedGrants(grants: readonly PlatformGrant[]): PlatformGrant[] {
  return grants.map((grant, i) => ({ grant, i })).sort((a, b) => GRANT_ORDER[a.grant.kind] - GRANT_ORDER[b.grant.kind] || a.i - b.i).map(({ grant }) => grant);
}

/**
 * What `publicNetworkAccess` (read by the service's own accessor, the one its "open to all
 * networks" rule reads) leaves to the firewall: `disabled` (only private endpoints; nothing is
 * listed) or `enabled`. `SecuredByPerimeter` hands the decision to a network security
 * perimeter's access rules, which azscan does not read: the endpoint is then unknown. Any
 * other value is read as enabled, as the rules read it.
 */
export function publicAccessOf(setting: Setting<string | undefined>): 'disabled' | 'enabled' {
  if (sameText(setting.value, 'Disabled')) return 'disabled';
  if (sameText(setting.value, 'SecuredByPerimeter')) {
    throw new NotEvaluated('NetworkSecurityPerimeter', `${setting.path} is SecuredByPerimeter: a network security perimeter's access rules decide who reaches it, and azscan does not read perimeters`);
  }
  return 'enabled';
}

/**
 * Approved private endpoint connections in the resource's own JSON (`properties.privateEndpointConnections`,
 * each `properties.privateEndpoint.id` and `properties.privateLinkServiceConnectionState.status`),
 * listed as grants. They never make an endpoint reachable from outside, so an entry that cannot
 * be read is left out rather than making the endpoint unknown. `groupIds`, when given, keeps only
 * connections to those private link groups (Event Grid's MQTT broker is `topicspace`).
 */
export function privateEndpointGrants(resource: ArmResource, groupIds?: readonly string[], path = 'properties.privateEndpointConnections'): PlatformGrant[] {
  const list = valueAt(resource.raw, path);
  if (!Array.isArray(list)) return [];
  const grants: PlatformGrant[] = [];
  list.forEach((entry, i) => {
    const properties = isJsonObject(entry) ? entry.properties : undefined;
    if (!isJsonObject(properties)) return;
    const state = properties.privateLinkServiceConnectionState;
    const status = isJsonObject(state) ? state.status : undefined;
    if (typeof status !== 'string' || !sameText(status, 'Approved')) return;
    if (groupIds !== undefined) {
      const groups = properties.groupIds;
      if (!Array.isArray(groups) || !groups.some((group) => typeof group === 'string' && groupIds.some((wanted) => sameText(group, wanted)))) return;
    }
    const endpoint = properties.privateEndpoint;
    const id = isJsonObject(endpoint) && typeof endpoint.id === 'string' ? endpoint.id : isJsonObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    if (id === undefined) return;
    grants.push({ kind: 'privateEndpoint', id, source: { resourceId: resource.id, path: `${path}[${i}]`, value: id } });
  });
  return grants;
}

/**
 * The host name in a property ARM states it in: a bare name (`sql-1.database.windows.net`) or a
 * URL (`https://st1.blob.core.windows.net/`, `https://ns.servicebus.windows.net:443/`), whose
 * scheme, port and path are dropped. Taken literally, never rebuilt from a DNS suffix, and never
 * decoded: the reports escape it. Absent when ARM did not send it; malformed when it is not a
 * string or leaves no name.
 */
export function hostAt(resource: ArmResource, path: string): { host: string; hostPath: string } | undefined {
  const setting = readString(resource, path, undefined);
  if (setting.value === undefined) return undefined;
  const host = setting.value
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/s, '')
    .replace(/:\d+$/, '');
  if (host === '') throw new MalformedProperty(path, 'a host name or URL', setting.raw);
  return { host, hostPath: path };
}

/** A host ARM must state for an endpoint that is reachable: without it the endpoint cannot be named, so it is unknown. */
export function requiredHostAt(resource: ArmResource, path: string): { host: string; hostPath: string } {
  const host = hostAt(resource, path);
  if (host === undefined) throw new NotEvaluated('MissingProperty', `${path} is absent: the endpoint is reachable and its host cannot be named`);
  return host;
}

/** Builds an endpoint; `grants` must hold one that makes it reachable. */
export function endpointOf(
  resource: ArmResource,
  at: { service: string; host: string; hostPath: string; ports: readonly number[] },
  grants: readonly PlatformGrant[],
  auth: readonly PlatformAuth[],
): PlatformEndpoint {
  const reachableBy = widestReach(grants);
  if (reachableBy === undefined) throw new Error(`endpointOf: no grant makes ${resource.id} reachable`);
  const order: readonly PlatformAuth[] = ['anonymous', 'keys', 'certificates', 'entra'];
  return {
    resourceId: resource.id,
    resourceType: resource.type,
    name: resource.name,
    service: at.service,
    host: at.host,
    hostPath: at.hostPath,
    ports: [...at.ports],
    reachableBy,
    grants: orderedGrants(grants),
    auth: order.filter((method) => auth.includes(method)),
  };
}

/** `everyone` where the firewall admits every network: its default action, or no firewall at all. */
export function everyoneGrant(setting: Setting<unknown>): PlatformGrant {
  return { kind: 'everyone', source: { resourceId: setting.resourceId, path: setting.path, value: setting.absent ? null : setting.raw } };
}
