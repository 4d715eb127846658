import type { InternetRule } from '../model/exposure.js';
import { type PortRange, PortSet, type TransportProtocol } from '../model/ports.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import type { Evidence } from '../model/evidence.js';
import { type ArmResource, isJsonObject, type JsonObject } from '../inventory/types.js';
import { isInternetSource, parseIPv4 } from './addresses.js';
import { parsePortRange, PortRangeSyntaxError } from './ports.js';
import { memoizeByResource } from './memo.js';
import { readList, readRefs } from './setting.js';



/**
 * Whether a rule applies to traffic for one IP configuration: its destination is any
 * address, a tag that includes the virtual network, a prefix holding the address, or an
 * application security group the configuration is in. Tags azscan cannot place are taken to
 * match, so that an unknown tag never hides exposure.
 */
export function ruleAppliesTo(rule: InternetRule, destination: { readonly ip: string | undefined; readonly asgIds: readonly string[] }): boolean {
  if (rule.destinationAsgIds.length > 0) {
    const wanted = new Set(rule.destinationAsgIds.map((id) => id.toLowerCase()));
    return destination.asgIds.some((id) => wanted.has(id.toLowerCase()));
  }
  if (rule.destinations.length === 0 || destination.ip === undefined) return true;
  const ip = parseIPv4(destination.ip);
  return rule.destinations.some((prefix) => {
    const text = prefix.trim().toLowerCase();
    const cidr = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d{1,2}))?$/.exec(text);
    if (!cidr) return !/^(azureloadbalancer|internet)$/.test(text) && !/:/.test(text);
    const base = parseIPv4(cidr[1]!);
    if (base === undefined || ip === undefined) return true;
    const bits = cidr[2] === undefined ? 32 : Number(cidr[2]);
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return ((ip & mask) >>> 0) === ((base & mask) >>> 0);
  });
}

/**
 * The inbound custom rules of an NSG whose source is the internet, sorted by priority.
 * Default rules are left out: none of them admits the internet. A rule that is readably
 * outbound, or whose source is readably not the internet, is skipped before anything else
 * in it is read; a malformed rule that could admit or block internet traffic stops the
 * evaluation of the NSG, as an `error` outcome, because its effect cannot be known.
 */
export const internetRules = memoizeByResource((nsg: ArmResource): readonly InternetRule[] => {
  const list = nsg.properties.securityRules;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new MalformedProperty('properties.securityRules', 'an array', list);
  const rules: InternetRule[] = [];
  for (let index = 0; index < list.length; index++) {
    const rule = readInternetRule(nsg, list[index], `properties.securityRules[${index}]`);
    if (rule) rules.push(rule);
  }
  return rules.sort((a, b) => a.priority - b.priority);
});

/** The properties that make a rule what it is, for a finding's evidence. */
export function ruleEvidence(nsg: ArmResource, rule: InternetRule): Evidence[] {
  const props = rule.properties;
  const at = (name: string): string => `${rule.path}.properties.${name}`;
  const evidence: Evidence[] = [{ resourceId: nsg.id, path: at(rule.sourcePath), value: valueAtPath(props, rule.sourcePath) }];
  if (props.destinationPortRange !== undefined && props.destinationPortRange !== null) {
    evidence.push({ resourceId: nsg.id, path: at('destinationPortRange'), value: props.destinationPortRange });
  }
  if (Array.isArray(props.destinationPortRanges) && props.destinationPortRanges.length > 0) {
    evidence.push({ resourceId: nsg.id, path: at('destinationPortRanges'), value: props.destinationPortRanges });
  }
  for (const name of ['protocol', 'access', 'priority']) evidence.push({ resourceId: nsg.id, path: at(name), value: props[name] });
  return evidence;
}

function valueAtPath(props: JsonObject, path: string): unknown {
  const indexed = /^(\w+)\[(\d+)\]$/.exec(path);
  return indexed ? (props[indexed[1]!] as unknown[])[Number(indexed[2])] : props[path];
}

function readInternetRule(nsg: ArmResource, entry: unknown, path: string): InternetRule | undefined {
  if (!isJsonObject(entry) || !isJsonObject(entry.properties)) throw new MalformedProperty(path, 'a security rule with properties', entry);
  const props = entry.properties;
  const at = (name: string): string => `${path}.properties.${name}`;

  const direction = props.direction;
  if (typeof direction !== 'string') throw new MalformedProperty(at('direction'), 'Inbound or Outbound', direction);
  const directionKey = direction.toLowerCase();
  if (directionKey === 'outbound') return undefined;
  if (directionKey !== 'inbound') throw new MalformedProperty(at('direction'), 'Inbound or Outbound', direction);

  const sourcePath = internetSourcePath(props, at);
  if (sourcePath === undefined) return undefined;

  const access = props.access;
  const accessKey = typeof access === 'string' ? access.toLowerCase() : undefined;
  if (accessKey !== 'allow' && accessKey !== 'deny') throw new MalformedProperty(at('access'), 'Allow or Deny', access);
  const priority = props.priority;
  if (typeof priority !== 'number' || !Number.isInteger(priority)) throw new MalformedProperty(at('priority'), 'an integer', priority);
  const protocol = props.protocol;
  if (typeof protocol !== 'string') throw new MalformedProperty(at('protocol'), 'a protocol', protocol);

  const name = typeof entry.name === 'string' ? entry.name : `#${path}`;
  // Which addresses a rule applies to decides whether a Deny blocks a way in: a destination
  // that cannot be read is malformed, never "any" (which would let a broken Deny hide exposure).
  const single = props.destinationAddressPrefix;
  if (single !== undefined && single !== null && typeof single !== 'string') throw new MalformedProperty(at('destinationAddressPrefix'), 'an address prefix', single);
  const destinations = [single, ...readList(props.destinationAddressPrefixes, at('destinationAddressPrefixes')).map((prefix, i) => {
    if (typeof prefix !== 'string') throw new MalformedProperty(`${at('destinationAddressPrefixes')}[${i}]`, 'an address prefix', prefix);
    return prefix;
  })].filter((prefix): prefix is string => typeof prefix === 'string' && prefix !== '');
  const destinationAsgIds = readRefs(props.destinationApplicationSecurityGroups, at('destinationApplicationSecurityGroups'));
  return {
    id: typeof entry.id === 'string' ? entry.id : `${nsg.id}/securityRules/${name}`,
    name,
    priority,
    access: accessKey,
    protocols: protocolsOf(protocol),
    ports: readDestinationPorts(props, at),
    path,
    sourcePath,
    destinations,
    destinationAsgIds,
    properties: props,
  };
}

const BOTH: readonly TransportProtocol[] = ['tcp', 'udp'];
const TCP: readonly TransportProtocol[] = ['tcp'];
const UDP: readonly TransportProtocol[] = ['udp'];
const NEITHER: readonly TransportProtocol[] = [];

function protocolsOf(protocol: string): readonly TransportProtocol[] {
  switch (protocol.toLowerCase()) {
    case '*':
    case 'any':
      return BOTH;
    case 'tcp':
      return TCP;
    case 'udp':
      return UDP;
    default:
      return NEITHER; // Icmp, Esp, Ah: no ports to expose.
  }
}

/** The path of the first internet source among `sourceAddressPrefix` and `sourceAddressPrefixes`, if any. */
function internetSourcePath(props: JsonObject, at: (name: string) => string): string | undefined {
  const single = props.sourceAddressPrefix;
  if (single !== undefined && single !== null && typeof single !== 'string') throw new MalformedProperty(at('sourceAddressPrefix'), 'an address prefix', single);
  if (typeof single === 'string' && isInternetSource(single)) return 'sourceAddressPrefix';
  const plural = props.sourceAddressPrefixes;
  if (plural === undefined || plural === null) return undefined;
  if (!Array.isArray(plural)) throw new MalformedProperty(at('sourceAddressPrefixes'), 'an array of prefixes', plural);
  const index = plural.findIndex((prefix) => typeof prefix === 'string' && isInternetSource(prefix));
  if (index >= 0) return `sourceAddressPrefixes[${index}]`;
  // A prefix that cannot be read might be the internet.
  const unreadable = plural.findIndex((prefix) => typeof prefix !== 'string');
  if (unreadable >= 0) throw new MalformedProperty(`${at('sourceAddressPrefixes')}[${unreadable}]`, 'an address prefix', plural[unreadable]);
  return undefined;
}

function readDestinationPorts(props: JsonObject, at: (name: string) => string): PortSet {
  const ranges: PortRange[] = [];
  const single = props.destinationPortRange;
  if (single !== undefined && single !== null) ranges.push(readPortRange(single, at('destinationPortRange')));
  const plural = props.destinationPortRanges;
  if (plural !== undefined && plural !== null) {
    if (!Array.isArray(plural)) throw new MalformedProperty(at('destinationPortRanges'), 'an array of port ranges', plural);
    for (let i = 0; i < plural.length; i++) ranges.push(readPortRange(plural[i], `${at('destinationPortRanges')}[${i}]`));
  }
  if (ranges.length === 0) throw new MalformedProperty(at('destinationPortRange'), 'a port range (neither destinationPortRange nor destinationPortRanges is set)', single);
  return PortSet.of(ranges);
}

function readPortRange(text: unknown, path: string): PortRange {
  if (typeof text !== 'string') throw new MalformedProperty(path, 'a port, a range a-b or *', text);
  try {
    return parsePortRange(text);
  } catch (error) {
    if (error instanceof PortRangeSyntaxError) throw new MalformedProperty(path, 'a port, a range a-b or *', text);
    throw error;
  }
}
