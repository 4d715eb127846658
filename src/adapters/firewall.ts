import type { ArmResource } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';
import { refId, type ConfigLocation, type TransportProtocol } from './network.js';

/**
 * Azure Firewall's destination NAT: the rules that publish a private address and port on
 * the firewall's public IP. Classic firewalls carry them in `natRuleCollections`; firewalls
 * managed by a policy take them from the policy's rule collection groups, after those of the
 * policy it inherits from.
 */

export const FIREWALL_TYPE = 'Microsoft.Network/azureFirewalls';
export const FIREWALL_POLICY_TYPE = 'Microsoft.Network/firewallPolicies';
export const RULE_COLLECTION_GROUP_TYPE = 'Microsoft.Network/firewallPolicies/ruleCollectionGroups';

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
  const collections = indexed(resource.properties.natRuleCollections)
    .map(({ entry, index }) => ({ entry, index, properties: isJsonObject(entry.properties) ? entry.properties : {} }))
    .filter(({ properties }) => isDnat(properties.action))
    .sort((a, b) => priorityOf(a.properties.priority) - priorityOf(b.properties.priority));
  return {
    policyId: refId(resource.properties.firewallPolicy),
    classicRules: collections.flatMap(({ entry, index, properties }) =>
      indexed(properties.rules).map((rule) => dnatRule(text(entry.name), rule.entry, rule.entry.protocols, { resourceId: resource.id, path: `properties.natRuleCollections[${index}].properties.rules[${rule.index}]`, value: rule.entry })),
    ),
  };
}

/** The policy a firewall policy inherits rules from, applied before its own. */
export function basePolicyOf(policy: ArmResource): string | undefined {
  return refId(policy.properties.basePolicy);
}

/** A rule collection group's DNAT rules in the order the firewall applies them, with the group's priority. */
export function dnatRulesOfGroup(group: ArmResource): { priority: number; rules: DnatRule[] } {
  const collections = indexed(group.properties.ruleCollections)
    .filter(({ entry }) => text(entry.ruleCollectionType) === 'FirewallPolicyNatRuleCollection' && isDnat(entry.action))
    .sort((a, b) => priorityOf(a.entry.priority) - priorityOf(b.entry.priority));
  return {
    priority: priorityOf(group.properties.priority),
    rules: collections.flatMap(({ entry, index }) =>
      indexed(entry.rules).map((rule) => dnatRule(text(entry.name), rule.entry, rule.entry.ipProtocols, { resourceId: group.id, path: `properties.ruleCollections[${index}].rules[${rule.index}]`, value: rule.entry })),
    ),
  };
}

function dnatRule(collection: string, rule: Record<string, unknown>, protocols: unknown, location: ConfigLocation): DnatRule {
  const port = Number(rule.translatedPort);
  return {
    name: `${collection}/${text(rule.name)}`,
    protocols: strings(protocols).flatMap((protocol): TransportProtocol[] => {
      const lower = protocol.toLowerCase();
      return lower === 'tcp' ? ['tcp'] : lower === 'udp' ? ['udp'] : [];
    }),
    sourceAddresses: strings(rule.sourceAddresses),
    sourceIpGroups: strings(rule.sourceIpGroups),
    destinationAddresses: strings(rule.destinationAddresses),
    destinationPorts: strings(rule.destinationPorts),
    translatedTo: text(rule.translatedAddress) || text(rule.translatedFqdn) || undefined,
    translatedPort: Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined,
    location,
  };
}

function isDnat(action: unknown): boolean {
  return isJsonObject(action) && typeof action.type === 'string' && action.type.toLowerCase() === 'dnat';
}

/** ARM sends priorities as numbers; Microsoft's classic example sends strings. Unreadable ones go last. */
function priorityOf(value: unknown): number {
  const number = Number(value);
  return Number.isFinite(number) && value !== null && value !== '' ? number : Number.MAX_SAFE_INTEGER;
}

/** The object entries of an ARM array, with their indexes in the array as sent. */
function indexed(value: unknown): Array<{ entry: Record<string, unknown>; index: number }> {
  return Array.isArray(value) ? value.flatMap((entry: unknown, index) => (isJsonObject(entry) ? [{ entry, index }] : [])) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
