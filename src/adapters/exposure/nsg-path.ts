import type { ConfigLocation } from '../../model/evidence.js';
import type { Endpoint, InternetRule, PathStep } from '../../model/exposure.js';
import { PortSet, type TransportProtocol } from '../../model/ports.js';
import { NSG_TYPE } from '../../inventory/arm-types.js';
import { idKey } from '../../inventory/arm-id.js';
import type { ArmResource } from '../../inventory/types.js';
import { networkInterfaceOf } from '../network-interface.js';
import { nsgExposureFor, type NsgExposure } from '../nsg-exposure.js';
import type { InterfaceConfig, NetworkIndex } from './network-index.js';

/**
 * The NSGs on a way in to one IP configuration, as the ways that end at an interface (its own
 * public IP, a load balancer) apply them: traffic must be allowed by the subnet's NSG and the
 * interface's NSG where each exists; with neither, a Basic public IP or load balancer is open
 * and a Standard one closed. Each NSG hop of an endpoint's path names the rules that admit its
 * ports there.
 */

const ALL_PORTS = PortSet.of([{ from: 0, to: 65535 }]);

export interface Allowance {
  readonly ports: Record<TransportProtocol, PortSet>;
  readonly nsgIds: string[];
  readonly steps: PathStep[];
  readonly allowedBy: Record<TransportProtocol, Array<{ nsgId: string; rule: InternetRule; ports: PortSet }>>;
}

/** What the subnet NSG and the NIC NSG together admit from the internet to one IP configuration. */
export function allowance(index: NetworkIndex, target: InterfaceConfig, closedByDefault: boolean): Allowance {
  const nic = index.view(target.nic, 'network interface', networkInterfaceOf);
  const onPath: Array<{ nsg: ArmResource; kind: 'subnet-nsg' | 'nic-nsg' }> = [];
  const subnetNsg = target.config.subnetId ? index.subnetNsgOf(target.config.subnetId, target.nic) : undefined;
  if (subnetNsg) onPath.push({ nsg: subnetNsg, kind: 'subnet-nsg' });
  if (nic.nsgId) {
    const nicNsg = index.inventory.get(nic.nsgId);
    if (!nicNsg) throw index.missing(NSG_TYPE, nic.nsgId, target.nic);
    onPath.push({ nsg: nicNsg, kind: 'nic-nsg' });
  }

  const steps: PathStep[] = [{ kind: 'nic', id: target.nic.id, name: target.nic.name, ...(target.config.privateIp ? { detail: target.config.privateIp } : {}) }];
  const allowedBy: Allowance['allowedBy'] = { tcp: [], udp: [] };
  const nsgIds = onPath.map((entry) => entry.nsg.id);
  if (onPath.length === 0) {
    const open = closedByDefault ? PortSet.EMPTY : ALL_PORTS;
    steps.push({ kind: 'no-nsg', id: target.nic.id, name: 'no NSG', detail: closedByDefault ? '(Standard SKU: closed without one)' : '(Basic SKU: open without one)' });
    return { ports: { tcp: open, udp: open }, nsgIds, steps, allowedBy };
  }
  // Inbound traffic must pass the subnet's NSG and then the interface's.
  const ports: Record<TransportProtocol, PortSet> = { tcp: ALL_PORTS, udp: ALL_PORTS };
  const destination = { ip: target.config.privateIp, asgIds: target.config.applicationSecurityGroupIds };
  for (const { nsg, kind } of onPath) {
    const exposure: NsgExposure = index.view(nsg, 'NSG', (resource) => nsgExposureFor(resource, destination));
    for (const protocol of ['tcp', 'udp'] as const) {
      ports[protocol] = ports[protocol].intersect(exposure.exposed[protocol]);
      for (const allow of exposure.allows) {
        if (!allow.exposed[protocol].isEmpty) allowedBy[protocol].push({ nsgId: nsg.id, rule: allow.rule, ports: allow.exposed[protocol] });
      }
    }
    steps.push({ kind, id: nsg.id, name: nsg.name });
  }
  return { ports, nsgIds, steps, allowedBy };
}

/** An endpoint reached through the NSGs of `allowance`, its path naming the rules that admit `backendPorts`. */
export function endpointThroughNsgs(
  index: NetworkIndex,
  address: string,
  protocol: TransportProtocol,
  ports: PortSet,
  backendPorts: PortSet,
  frontendId: string,
  target: InterfaceConfig,
  steps: PathStep[],
  allowance: Allowance,
  forProtocol: TransportProtocol,
  forwardedBy: readonly ConfigLocation[],
): Endpoint {
  const behind = index.workloadBehind(target.nic);
  const allowedBy = allowance.allowedBy[forProtocol].filter((entry) => !entry.ports.intersect(backendPorts).isEmpty);
  return {
    address,
    protocol,
    ports,
    backendPorts,
    frontendId,
    workload: behind.workload,
    nsgIds: allowance.nsgIds,
    allowedBy,
    forwardedBy,
    path: namingRules([...steps, ...behind.steps], allowedBy, backendPorts),
  };
}

/** The path with each NSG hop naming the rules that admit `ports` there. */
function namingRules(steps: readonly PathStep[], allowedBy: Endpoint['allowedBy'], ports: PortSet): PathStep[] {
  return steps.map((step) => {
    if (step.kind !== 'nic-nsg' && step.kind !== 'subnet-nsg') return step;
    const { detail: _earlier, ...hop } = step;
    const rules = allowedBy.filter((entry) => idKey(entry.nsgId) === idKey(step.id) && !entry.ports.intersect(ports).isEmpty);
    return rules.length > 0 ? { ...hop, detail: `allowed by ${rules.map(({ rule }) => `${rule.name} (priority ${rule.priority})`).join(', ')}` } : hop;
  });
}

/** An endpoint's path narrowed to some of its ports: the NSG hops name only the rules that admit those. */
export function pathFor(endpoint: Endpoint, ports: PortSet): PathStep[] {
  return namingRules(endpoint.path, endpoint.allowedBy, ports);
}
