import { MalformedProperty } from '../engine/not-evaluated.js';
import type { Evidence } from '../engine/rule.js';
import type { ArmResource, JsonObject } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';
import { isInternetSource } from '../net/addresses.js';
import { parsePortRange, PortRangeSyntaxError, PortSet } from '../net/ports.js';
import { memoizeByResource } from './memo.js';

export type Protocol = 'tcp' | 'udp';

export const SECURITY_RULE_TYPE = 'Microsoft.Network/networkSecurityGroups/securityRules';

/** An inbound custom security rule whose source is the whole internet. */
export interface InternetRule {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly access: 'allow' | 'deny';
  /** Transport protocols it matches: `*` matches both; ICMP, ESP and AH match neither. */
  readonly protocols: readonly Protocol[];
  readonly ports: PortSet;
  /** The properties that make it what it is, for a finding's evidence. */
  readonly evidence: readonly Evidence[];
}

/**
 * The inbound custom rules of an NSG whose source is the internet, sorted by priority.
 * Default rules are left out: none of them admits the internet. Rules that are outbound or
 * whose source is not the internet are skipped before anything else in them is read, so a
 * typo in an unrelated rule does not stop the evaluation; a malformed rule that could
 * matter does, as an `error` outcome.
 */
export const internetRules = memoizeByResource((nsg: ArmResource): readonly InternetRule[] => {
  const list = nsg.properties.securityRules;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new MalformedProperty('properties.securityRules', 'an array', list);
  const rules: InternetRule[] = [];
  list.forEach((entry: unknown, index: number) => {
    const rule = readInternetRule(nsg, entry, `properties.securityRules[${index}]`);
    if (rule) rules.push(rule);
  });
  return rules.sort((a, b) => a.priority - b.priority);
});

function readInternetRule(nsg: ArmResource, entry: unknown, path: string): InternetRule | undefined {
  if (!isJsonObject(entry) || !isJsonObject(entry.properties)) throw new MalformedProperty(path, 'a security rule with properties', entry);
  const props = entry.properties;
  const at = (name: string): string => `${path}.properties.${name}`;

  const direction = props.direction;
  if (typeof direction !== 'string') throw new MalformedProperty(at('direction'), 'Inbound or Outbound', direction);
  if (direction.toLowerCase() === 'outbound') return undefined;
  if (direction.toLowerCase() !== 'inbound') throw new MalformedProperty(at('direction'), 'Inbound or Outbound', direction);

  const source = internetSourceEvidence(nsg, props, at);
  if (!source) return undefined;

  const access = props.access;
  if (typeof access !== 'string' || !/^(allow|deny)$/i.test(access)) throw new MalformedProperty(at('access'), 'Allow or Deny', access);
  const priority = props.priority;
  if (typeof priority !== 'number' || !Number.isInteger(priority)) throw new MalformedProperty(at('priority'), 'an integer', priority);
  const protocol = props.protocol;
  if (typeof protocol !== 'string') throw new MalformedProperty(at('protocol'), 'a protocol', protocol);

  const name = typeof entry.name === 'string' ? entry.name : `#${path}`;
  const id = typeof entry.id === 'string' ? entry.id : `${nsg.id}/securityRules/${name}`;
  const { ports, evidence: portEvidence } = readDestinationPorts(nsg, props, at);
  return {
    id,
    name,
    priority,
    access: access.toLowerCase() as 'allow' | 'deny',
    protocols: protocolsOf(protocol),
    ports,
    evidence: [
      source,
      ...portEvidence,
      { resourceId: nsg.id, path: at('protocol'), value: protocol },
      { resourceId: nsg.id, path: at('access'), value: access },
      { resourceId: nsg.id, path: at('priority'), value: priority },
    ],
  };
}

function protocolsOf(protocol: string): Protocol[] {
  switch (protocol.toLowerCase()) {
    case '*':
    case 'any':
      return ['tcp', 'udp'];
    case 'tcp':
      return ['tcp'];
    case 'udp':
      return ['udp'];
    default:
      return []; // Icmp, Esp, Ah: no ports to expose.
  }
}

/** Evidence for the first internet source among `sourceAddressPrefix` and `sourceAddressPrefixes`, if any. */
function internetSourceEvidence(nsg: ArmResource, props: JsonObject, at: (name: string) => string): Evidence | undefined {
  const single = props.sourceAddressPrefix;
  if (typeof single === 'string' && isInternetSource(single)) return { resourceId: nsg.id, path: at('sourceAddressPrefix'), value: single };
  const plural = props.sourceAddressPrefixes;
  if (plural === undefined || plural === null) return undefined;
  if (!Array.isArray(plural)) throw new MalformedProperty(at('sourceAddressPrefixes'), 'an array of prefixes', plural);
  const index = plural.findIndex((prefix) => typeof prefix === 'string' && isInternetSource(prefix));
  return index < 0 ? undefined : { resourceId: nsg.id, path: `${at('sourceAddressPrefixes')}[${index}]`, value: plural[index] };
}

function readDestinationPorts(nsg: ArmResource, props: JsonObject, at: (name: string) => string): { ports: PortSet; evidence: Evidence[] } {
  const specs: Array<{ text: unknown; path: string }> = [];
  const single = props.destinationPortRange;
  if (single !== undefined && single !== null) specs.push({ text: single, path: at('destinationPortRange') });
  const plural = props.destinationPortRanges;
  if (plural !== undefined && plural !== null) {
    if (!Array.isArray(plural)) throw new MalformedProperty(at('destinationPortRanges'), 'an array of port ranges', plural);
    plural.forEach((text, i) => specs.push({ text, path: `${at('destinationPortRanges')}[${i}]` }));
  }
  if (specs.length === 0) throw new MalformedProperty(at('destinationPortRange'), 'a port range (neither destinationPortRange nor destinationPortRanges is set)', single);
  const ranges = specs.map(({ text, path }) => {
    if (typeof text !== 'string') throw new MalformedProperty(path, 'a port, a range a-b or *', text);
    try {
      return parsePortRange(text);
    } catch (error) {
      if (error instanceof PortRangeSyntaxError) throw new MalformedProperty(path, 'a port, a range a-b or *', text);
      throw error;
    }
  });
  const evidence: Evidence[] = single !== undefined && single !== null
    ? [{ resourceId: nsg.id, path: at('destinationPortRange'), value: single }]
    : [];
  if (Array.isArray(plural) && plural.length > 0) evidence.push({ resourceId: nsg.id, path: at('destinationPortRanges'), value: plural });
  return { ports: PortSet.of(ranges), evidence };
}
