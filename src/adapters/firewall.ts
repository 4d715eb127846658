import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import type { ConfigLocation } from '../model/evidence.js';
import type { TransportProtocol } from '../model/ports.js';
import { readList, readRef } from './setting.js';

/**
 * Azure Firewall's destination NAT: the rules that publish a private address and port on
 * the firewall's public IP. Classic firewalls carry them in `natRuleCollections`; firewalls
 * managed by a policy take them from the policy's rule collection groups, after those of the
 * policy it inherits from.
 */


export interface DnatRule {
  /** `collection/rule`, as the portal shows it. */
  readonly name: string;
  readonly protocols: readonly TransportProtocol[];
  /** Source addresses and ranges; IP groups are named by id in `sourceIpGroups`. */
  readonly sourceAddresses: readonly string[];
  readonly sourceIpGroups: readonly string[];
  readonly destinationAddresses: readonly string[];
  readonly destinationPorts: readonly string[];
  /** The private address, or name, and port the traffic is sent on to. */
  readonly translatedTo: string | undefined;
  readonly translatedPort: number | undefined;
  readonly location: ConfigLocation;
}

export interface Firewall {
  readonly policyId: string | undefined;
  /** Classic DNAT rules, in the order the firewall applies them. */
  readonly classicRules: readonly DnatRule[];
}

export function firewallOf(resource: ArmResource): Firewall {
  const collections = indexed(resource.properties.natRuleCollections, 'properties.natRuleCollections')
    .map(({ entry, path }) => {
      const properties = entry.properties ?? {};
      if (!isJsonObject(properties)) throw new MalformedProperty(`${path}.properties`, 'an object', entry.properties);
      return { entry, path, properties, priority: priorityOf(properties.priority, `${path}.properties.priority`) };
    })
    .filter(({ properties, path }) => isDnat(properties.action, `${path}.properties.action`))
    .sort((a, b) => a.priority - b.priority);
  return {
    policyId: readRef(resource.properties.firewallPolicy, 'properties.firewallPolicy'),
    classicRules: collections.flatMap(({ entry, path, properties }) =>
      indexed(properties.rules, `${path}.properties.rules`).map((rule) => dnatRule(text(entry.name), rule.entry, 'protocols', { resourceId: resource.id, path: rule.path, value: rule.entry })),
    ),
  };
}

/** The policy a firewall policy inherits rules from, applied before its own. */
export function basePolicyOf(policy: ArmResource): string | undefined {
  return readRef(policy.properties.basePolicy, 'properties.basePolicy');
}

/** A rule collection group's DNAT rules in the order the firewall applies them, with the group's priority. */
export function dnatRulesOfGroup(group: ArmResource): { priority: number; rules: DnatRule[] } {
  const collections = indexed(group.properties.ruleCollections, 'properties.ruleCollections')
    .filter(({ entry, path }) => {
      if (typeof entry.ruleCollectionType !== 'string') throw new MalformedProperty(`${path}.ruleCollectionType`, 'a rule collection type', entry.ruleCollectionType);
      return entry.ruleCollectionType === 'FirewallPolicyNatRuleCollection' && isDnat(entry.action, `${path}.action`);
    })
    .map((collection) => ({ ...collection, priority: priorityOf(collection.entry.priority, `${collection.path}.priority`) }))
    .sort((a, b) => a.priority - b.priority);
  return {
    priority: priorityOf(group.properties.priority, 'properties.priority'),
    rules: collections.flatMap(({ entry, path }) =>
      indexed(entry.rules, `${path}.rules`).map((rule) => dnatRule(text(entry.name), rule.entry, 'ipProtocols', { resourceId: group.id, path: rule.path, value: rule.entry })),
    ),
  };
}

function dnatRule(collection: string, rule: Record<string, unknown>, protocolsKey: string, location: ConfigLocation): DnatRule {
  const at = (name: string): string => `${location.path}.${name}`;
  const port = Number(rule.translatedPort);
  return {
    name: `${collection}/${text(rule.name)}`,
    protocols: strings(rule[protocolsKey], at(protocolsKey)).flatMap((protocol): TransportProtocol[] => {
      const lower = protocol.toLowerCase();
      // NAT rules take TCP and UDP; `Any` is both. ICMP has no ports to publish.
      return lower === 'tcp' ? ['tcp'] : lower === 'udp' ? ['udp'] : lower === 'any' ? ['tcp', 'udp'] : [];
    }),
    sourceAddresses: strings(rule.sourceAddresses, at('sourceAddresses')),
    sourceIpGroups: strings(rule.sourceIpGroups, at('sourceIpGroups')),
    destinationAddresses: strings(rule.destinationAddresses, at('destinationAddresses')),
    destinationPorts: strings(rule.destinationPorts, at('destinationPorts')),
    translatedTo: text(rule.translatedAddress) || text(rule.translatedFqdn) || undefined,
    translatedPort: Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined,
    location,
  };
}

/** Whether a collection's action is DNAT; an action that cannot be read is malformed, since it may be. */
function isDnat(action: unknown, path: string): boolean {
  if (!isJsonObject(action) || typeof action.type !== 'string') throw new MalformedProperty(path, 'an action {"type": …}', action);
  return action.type.toLowerCase() === 'dnat';
}

/** ARM sends priorities as numbers; Microsoft's classic example sends strings. Priority decides which rule wins: one that cannot be read is malformed. */
function priorityOf(value: unknown, path: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new MalformedProperty(path, 'a priority number', value);
  return number;
}

/** The object entries of an ARM array at `path`, with their paths; an entry that is not an object is malformed. */
function indexed(value: unknown, path: string): Array<{ entry: Record<string, unknown>; path: string }> {
  return readList(value, path).map((entry, index) => {
    if (!isJsonObject(entry)) throw new MalformedProperty(`${path}[${index}]`, 'an object', entry);
    return { entry, path: `${path}[${index}]` };
  });
}

/** An array of strings at `path`; absent is empty. */
function strings(value: unknown, path: string): string[] {
  return readList(value, path).map((entry, index) => {
    if (typeof entry !== 'string') throw new MalformedProperty(`${path}[${index}]`, 'a string', entry);
    return entry;
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
