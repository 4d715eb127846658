import type { Endpoint, PathStep } from '../../model/exposure.js';
import { PortSet, type TransportProtocol } from '../../model/ports.js';
import { FIREWALL_POLICY_TYPE, FIREWALL_TYPE, RULE_COLLECTION_GROUP_TYPE } from '../../inventory/arm-types.js';
import { idKey, parseArmId } from '../../inventory/arm-id.js';
import type { ArmResource } from '../../inventory/types.js';
import { isWholeInternetMask } from '../addresses.js';
import { basePolicyOf, dnatRulesOfGroup, firewallOf, type DnatRule } from '../firewall.js';
import { parsePortRange } from '../ports.js';
import type { NetworkIndex } from './network-index.js';
import { Unknown, type FrontendVerdict } from './verdict.js';

/**
 * An Azure Firewall's public IP: the DNAT rules for that address that the whole internet
 * matches (source `*` or a /0), in the order the firewall applies them — classic rules, or
 * the base policy's groups and then the policy's, each group and collection by priority —
 * the first rule to claim a port deciding it. The translated address is followed to the one
 * interface that has it. The backends' NSGs are not applied: the firewall connects to them
 * from its own address.
 */

/** What a public IP on a firewall reaches through its DNAT rules. */
export function followFirewall(index: NetworkIndex, pip: ArmResource, ipConfigurationId: string, address: string | undefined, pipStep: PathStep): FrontendVerdict {
  const firewallId = parseArmId(ipConfigurationId).parentId!;
  const resource = index.inventory.get(firewallId);
  if (!resource) throw index.missing(FIREWALL_TYPE, firewallId, pip);
  // An address not assigned yet matches no rule.
  if (address === undefined) return { status: 'closed', endpoints: [] };
  const firewall = index.view(resource, 'firewall', firewallOf);
  const rules = [...firewall.classicRules, ...(firewall.policyId ? policyDnatRules(index, firewall.policyId, pip) : [])];
  const decided: Record<TransportProtocol, PortSet> = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
  const endpoints: Endpoint[] = [];
  for (const rule of rules) {
    if (!rule.destinationAddresses.some((destination) => destination.trim() === address || destination.trim() === '*')) continue;
    if (!rule.sourceAddresses.some((source) => source.trim() === '*' || isWholeInternetMask(source))) continue;
    let ports: PortSet;
    try {
      ports = PortSet.of(rule.destinationPorts.map(parsePortRange));
    } catch {
      throw new Unknown('MalformedProperty', `${resource.name}: DNAT rule ${rule.name} has destination ports ${JSON.stringify(rule.destinationPorts)}`);
    }
    for (const protocol of rule.protocols) {
      const claimed = ports.subtract(decided[protocol]);
      decided[protocol] = decided[protocol].union(ports);
      if (claimed.isEmpty) continue;
      if (rule.translatedTo === undefined || rule.translatedPort === undefined) {
        throw new Unknown('MalformedProperty', `firewall ${resource.name}: DNAT rule ${rule.name} has no readable translated address and port`);
      }
      endpoints.push(dnatEndpoint(index, pip, address, pipStep, resource, rule, protocol, claimed));
    }
  }
  return { status: endpoints.length > 0 ? 'reachable' : 'closed', endpoints };
}

function dnatEndpoint(index: NetworkIndex, pip: ArmResource, address: string, pipStep: PathStep, firewall: ArmResource, rule: DnatRule, protocol: TransportProtocol, ports: PortSet): Endpoint {
  const translatedTo = rule.translatedTo!;
  const hop: PathStep = { kind: 'firewall', id: firewall.id, name: firewall.name, detail: `${protocol.toUpperCase()} ${ports.toString()} → ${translatedTo}:${rule.translatedPort} (DNAT rule ${rule.name})` };
  const base = { address, protocol, ports, backendPorts: PortSet.single(rule.translatedPort!), frontendId: pip.id, nsgIds: [], allowedBy: [], forwardedBy: [rule.location] };
  const target = index.configWithPrivateIp(translatedTo);
  if (!target) {
    return { ...base, workload: { kind: 'address', id: `${firewall.id}#${translatedTo}`, name: translatedTo }, path: [pipStep, hop, { kind: 'backend-address', id: firewall.id, name: translatedTo }] };
  }
  const behind = index.workloadBehind(target.nic);
  const nicStep: PathStep = { kind: 'nic', id: target.nic.id, name: target.nic.name, detail: translatedTo };
  return { ...base, workload: behind.workload, path: [pipStep, hop, nicStep, ...behind.steps] };
}

/** The DNAT rules a policy gives its firewalls: its base policy's first, then its own, groups by priority. */
function policyDnatRules(index: NetworkIndex, policyId: string, from: ArmResource): DnatRule[] {
  const chain: ArmResource[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = policyId; id !== undefined && !seen.has(idKey(id)); ) {
    seen.add(idKey(id));
    const policy = index.inventory.get(id);
    if (!policy) throw index.missing(FIREWALL_POLICY_TYPE, id, from);
    chain.unshift(policy);
    id = index.view(policy, 'firewall policy', basePolicyOf);
  }
  return chain.flatMap((policy) => {
    const unavailable = index.inventory.unavailable(policy, RULE_COLLECTION_GROUP_TYPE);
    if (unavailable) throw new Unknown(unavailable.code, `rule collection groups of firewall policy ${policy.name}: ${unavailable.reason}`);
    return index.inventory
      .childrenOf(policy, RULE_COLLECTION_GROUP_TYPE)
      .map((group) => index.view(group, `rule collection group of firewall policy ${policy.name}:`, dnatRulesOfGroup))
      .sort((a, b) => a.priority - b.priority)
      .flatMap((group) => group.rules);
  });
}
