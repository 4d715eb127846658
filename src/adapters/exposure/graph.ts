import type { Endpoint, PathStep } from '../../model/exposure.js';
import { NotEvaluated } from '../../model/not-evaluated.js';
import { CONTAINER_GROUP_TYPE, NIC_TYPE, PUBLIC_IP_TYPE, SCALE_SET_TYPE, VIRTUAL_NETWORK_TYPE } from '../../inventory/arm-types.js';
import { idKey } from '../../inventory/arm-id.js';
import { pushTo } from '../../inventory/collections.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { ArmResource } from '../../inventory/types.js';
import { networkInterfaceOf } from '../network-interface.js';
import { publicIpOf } from '../public-ip.js';
import { followApplicationGateway } from './application-gateways.js';
import { containerGroupEndpoints } from './container-groups.js';
import { followFirewall } from './firewall-dnat.js';
import { configsWithPublicIp, followInterface } from './interfaces.js';
import { configsBehindPublicLoadBalancers, followLoadBalancer } from './load-balancers.js';
import { NetworkIndex } from './network-index.js';
import { Unknown, type FrontendVerdict } from './verdict.js';

/*
 * The exposure graph: the one object rules and `azscan exposure` ask. It holds the network
 * index, works out each public IP's verdict once by handing it to the way in it is attached
 * to (interfaces.ts, load-balancers.ts, application-gateways.ts, firewall-dnat.ts), adds the
 * container groups (container-groups.ts), and answers the NSG rules' questions: is an NSG
 * used, does it lie on a way in, which endpoints pass it.
 */

export type { FrontendVerdict } from './verdict.js';
export { pathFor } from './nsg-path.js';

/**
 * The paths from the internet to workloads in an estate, derived from configuration alone:
 * public IPs on network interfaces, public load balancers' rules and inbound NAT rules to
 * their backends, and container groups with public addresses. On the way, traffic must be
 * allowed by the subnet's NSG and the interface's NSG where each exists; with neither, a
 * Basic public IP or load balancer is open and a Standard one closed.
 *
 * A resource whose configuration cannot be read (a malformed reference, port or rule) makes
 * every way in that passes it unknown. Where the graph looks a relation up from the other end
 * — which interfaces name a pool, which interfaces and subnets use an NSG — one unreadable
 * interface, network or scale set in the subscription makes the answer unknown there, since
 * it may be the one that would have been found.
 */
export class ExposureGraph {
  private readonly index: NetworkIndex;
  private readonly frontends = new Map<string, FrontendVerdict>();
  private endpointsByNsg: Map<string, Endpoint[]> | undefined;
  private unknownSubscriptions: Set<string> | undefined;
  private guardingNsgs: Set<string> | undefined;

  constructor(private readonly inventory: Inventory) {
    this.index = new NetworkIndex(inventory);
  }

  /** Whether anything uses the NSG: a network interface, a subnet or a scale set; unknown when those were not all read. */
  attachment(nsg: ArmResource): 'attached' | 'unattached' | 'unknown' {
    if (this.index.uses(nsg) > 0) return 'attached';
    const subscription = nsg.subscriptionId ?? '';
    if (this.index.blindIn(subscription)) return 'unknown';
    const read = (type: string) => this.inventory.unavailable(`/subscriptions/${subscription}`, type) === undefined;
    return read(NIC_TYPE) && read(VIRTUAL_NETWORK_TYPE) && read(SCALE_SET_TYPE) ? 'unattached' : 'unknown';
  }

  /** What a public IP address leads to. */
  publicIp(pip: ArmResource): FrontendVerdict {
    let verdict = this.frontends.get(pip.key);
    if (!verdict) {
      try {
        verdict = this.followPublicIp(pip);
      } catch (error) {
        if (error instanceof Unknown) verdict = { status: 'unknown', code: error.code, reason: error.reason };
        else if (error instanceof NotEvaluated) verdict = { status: 'unknown', code: error.code, reason: `${pip.name}: ${error.reason}` };
        else throw error;
      }
      this.frontends.set(pip.key, verdict);
    }
    return verdict;
  }

  /** The endpoints a public container group publishes; it has no NSG in front. Throws NotEvaluated when its address cannot be read. */
  containerGroup(group: ArmResource): Endpoint[] {
    return containerGroupEndpoints(group);
  }

  /** Every endpoint in the estate, for `azscan exposure`, with the resources whose verdict is unknown. */
  all(): { endpoints: Endpoint[]; unknown: Array<{ id: string; code: string; reason: string }> } {
    const endpoints: Endpoint[] = [];
    const unknown: Array<{ id: string; code: string; reason: string }> = [];
    for (const pip of this.inventory.ofType(PUBLIC_IP_TYPE)) {
      const verdict = this.publicIp(pip);
      if (verdict.status === 'reachable') endpoints.push(...verdict.endpoints);
      if (verdict.status === 'unknown') unknown.push({ id: pip.id, code: verdict.code, reason: verdict.reason });
    }
    for (const group of this.inventory.ofType(CONTAINER_GROUP_TYPE)) {
      try {
        endpoints.push(...this.containerGroup(group));
      } catch (error) {
        if (!(error instanceof NotEvaluated)) throw error;
        unknown.push({ id: group.id, code: error.code, reason: `container group ${group.name}: ${error.reason}` });
      }
    }
    return { endpoints: sortEndpoints(endpoints), unknown };
  }

  /** Endpoints whose traffic passes a given NSG, in the order of `all()`. */
  throughNsg(nsg: ArmResource): Endpoint[] {
    if (!this.endpointsByNsg) {
      this.endpointsByNsg = new Map();
      for (const endpoint of this.all().endpoints) for (const id of new Set(endpoint.nsgIds.map(idKey))) pushTo(this.endpointsByNsg, id, endpoint);
    }
    return this.endpointsByNsg.get(nsg.key) ?? [];
  }

  /**
   * Whether the NSG lies on some way in from the internet: it guards (as subnet or interface
   * NSG) an IP configuration that has a public IP, or sits behind a public load balancer.
   */
  guardsPublicPath(nsg: ArmResource): boolean {
    this.guardingNsgs ??= this.nsgsOnPublicPaths();
    return this.guardingNsgs.has(nsg.key) && !this.hasUnknownIn(nsg.subscriptionId);
  }

  /**
   * Whether some way in in the subscription could not be followed, or some of its network
   * configuration read: then no NSG there can be said to guard nothing that is reached.
   */
  private hasUnknownIn(subscriptionId: string | undefined): boolean {
    const key = (subscriptionId ?? '').toLowerCase();
    if (this.index.blindIn(key)) return true;
    if (!this.unknownSubscriptions) {
      // Once per graph: every NSG rule asks.
      this.unknownSubscriptions = new Set();
      for (const pip of this.inventory.ofType(PUBLIC_IP_TYPE)) if (this.publicIp(pip).status === 'unknown') this.unknownSubscriptions.add((pip.subscriptionId ?? '').toLowerCase());
    }
    return this.unknownSubscriptions.has(key);
  }

  private nsgsOnPublicPaths(): Set<string> {
    const publicConfigs = new Set([...configsWithPublicIp(this.index), ...configsBehindPublicLoadBalancers(this.index)]);
    const guarding = new Set<string>();
    for (const key of publicConfigs) {
      const found = this.index.configs.get(key);
      if (!found) continue;
      const nicNsg = this.index.view(found.nic, 'network interface', networkInterfaceOf).nsgId;
      const subnetNsg = found.config.subnetId ? this.index.subnetNsgIdOf(found.config.subnetId) : undefined;
      if (nicNsg) guarding.add(idKey(nicNsg));
      if (subnetNsg) guarding.add(idKey(subnetNsg));
    }
    return guarding;
  }

  /** Hands a public IP to the way in it is attached to. */
  private followPublicIp(pip: ArmResource): FrontendVerdict {
    const view = this.index.view(pip, 'public IP', publicIpOf);
    const address = view.address ?? view.fqdn ?? '(address not assigned)';
    if (!view.attachedTo) return { status: 'unattached' };
    const attachedKey = idKey(view.attachedTo);
    const pipStep: PathStep = { kind: 'public-ip', id: pip.id, name: pip.name, detail: address };

    // A virtual machine's interface (…/providers/Microsoft.Network/networkInterfaces/…) or a
    // scale set instance's (…/virtualMachineScaleSets/web/virtualMachines/0/networkInterfaces/…).
    if (attachedKey.includes('/networkinterfaces/')) {
      return followInterface(this.index, pip, view.attachedTo, view.sku, address, pipStep);
    }
    if (attachedKey.includes('/providers/microsoft.network/loadbalancers/')) {
      return followLoadBalancer(this.index, pip, view.attachedTo, address, pipStep);
    }
    if (attachedKey.includes('/providers/microsoft.network/applicationgateways/')) {
      return followApplicationGateway(this.index, pip, view.attachedTo, address, pipStep);
    }
    if (attachedKey.includes('/providers/microsoft.network/azurefirewalls/')) {
      return followFirewall(this.index, pip, view.attachedTo, view.address, pipStep);
    }
    return { status: 'other', attachedTo: view.attachedTo };
  }
}

const graphs = new WeakMap<Inventory, ExposureGraph>();

/** The estate's exposure graph, built once per inventory and shared by every rule that asks. */
export function exposureGraph(inventory: Inventory): ExposureGraph {
  let graph = graphs.get(inventory);
  if (!graph) {
    graph = new ExposureGraph(inventory);
    graphs.set(inventory, graph);
  }
  return graph;
}

/**
 * Endpoints in the order an attacker's scan of the addresses would list them: IPv4 addresses
 * numerically, then other addresses and names; then protocol, first port and workload. Keys
 * are built once: sorting tens of thousands of endpoints with a locale-aware compare took
 * a tenth of a second.
 */
function sortEndpoints(endpoints: readonly Endpoint[]): Endpoint[] {
  const keyed = endpoints.map((endpoint) => ({
    endpoint,
    key: `${addressKey(endpoint.address)}|${endpoint.protocol}|${String(endpoint.ports.ranges[0]!.from).padStart(5, '0')}|${idKey(endpoint.workload.id)}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.endpoint);
}

function addressKey(address: string): string {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  return octets ? `4 ${octets.slice(1).map((octet) => octet.padStart(3, '0')).join('.')}` : `6 ${address.toLowerCase()}`;
}
