import type { Endpoint, InternetRule, PathStep } from '../../model/exposure.js';
import { APPLICATION_GATEWAY_TYPE, CONTAINER_GROUP_TYPE, FIREWALL_POLICY_TYPE, FIREWALL_TYPE, LOAD_BALANCER_TYPE, NIC_TYPE, NSG_TYPE, PUBLIC_IP_TYPE, RULE_COLLECTION_GROUP_TYPE, SCALE_SET_TYPE, VIRTUAL_NETWORK_TYPE } from '../../inventory/arm-types.js';
import { applicationGatewayOf } from '../application-gateway.js';
import { containerGroupAddressOf } from '../container-group.js';
import { loadBalancerOf, type LoadBalancer } from '../load-balancer.js';
import { networkInterfaceOf, type NicIpConfiguration } from '../network-interface.js';
import { publicIpOf } from '../public-ip.js';
import { scaleSetNsgIdsOf, scaleSetPlaceOf } from '../scale-set.js';
import { subnetsOf } from '../virtual-network.js';
import type { ConfigLocation } from '../../model/evidence.js';
import { PortSet, type TransportProtocol } from '../../model/ports.js';
import { basePolicyOf, dnatRulesOfGroup, firewallOf, type DnatRule } from '../firewall.js';
import { idKey, parseArmId } from '../../inventory/arm-id.js';
import { pushTo } from '../../inventory/collections.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { ArmResource } from '../../inventory/types.js';
import { NotEvaluated } from '../../model/not-evaluated.js';
import { nsgExposure, nsgExposureFor, type NsgExposure } from '../nsg-exposure.js';
import { isWholeInternetMask } from '../addresses.js';
import { parsePortRange } from '../ports.js';

/** What a public IP leads to, or why that cannot be said. */
export type FrontendVerdict =
  | { readonly status: 'reachable' | 'closed'; readonly endpoints: readonly Endpoint[] }
  | { readonly status: 'unattached' }
  | { readonly status: 'other'; readonly attachedTo: string }
  | { readonly status: 'unknown'; readonly code: string; readonly reason: string };

const ALL_PORTS = PortSet.of([{ from: 0, to: 65535 }]);

interface Allowance {
  readonly ports: Record<TransportProtocol, PortSet>;
  readonly nsgIds: string[];
  readonly steps: PathStep[];
  readonly allowedBy: Record<TransportProtocol, Array<{ nsgId: string; rule: InternetRule; ports: PortSet }>>;
}

/** Data that was needed and is not known, stopping one verdict. */
class Unknown extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

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
  private readonly configs = new Map<string, { nic: ArmResource; config: NicIpConfiguration }>();
  private readonly subnetNsg = new Map<string, string | undefined>();
  private readonly poolMembers = new Map<string, string[]>();
  private readonly nsgUses = new Map<string, number>();
  private readonly frontends = new Map<string, FrontendVerdict>();
  /** Interfaces and virtual networks whose configuration cannot be read, by key, and why. */
  private readonly unreadable = new Map<string, Unknown>();
  /** Subscriptions (lower-cased) with an unreadable interface, network or scale set: the first reason. */
  private readonly blind = new Map<string, Unknown>();

  constructor(private readonly inventory: Inventory) {
    for (const nic of inventory.ofType(NIC_TYPE)) {
      const view = this.readOrRecord(nic, 'network interface', networkInterfaceOf);
      if (!view) continue;
      if (view.nsgId) this.count(view.nsgId);
      for (const config of view.ipConfigurations) {
        this.configs.set(idKey(config.id), { nic, config });
        for (const pool of config.backendPoolIds) pushTo(this.poolMembers, idKey(pool), config.id);
      }
    }
    // A scale set's model attaches its NSG to every instance, including those not scaled out yet.
    for (const scaleSet of inventory.ofType(SCALE_SET_TYPE)) for (const nsgId of this.readOrRecord(scaleSet, 'scale set', scaleSetNsgIdsOf) ?? []) this.count(nsgId);
    for (const vnet of inventory.ofType(VIRTUAL_NETWORK_TYPE)) {
      for (const subnet of this.readOrRecord(vnet, 'virtual network', subnetsOf) ?? []) {
        this.subnetNsg.set(idKey(subnet.id), subnet.nsgId);
        if (subnet.nsgId) this.count(subnet.nsgId);
      }
    }
  }

  /** A view of a resource the graph indexes; undefined, with the resource and its subscription recorded, when it cannot be read. */
  private readOrRecord<T>(resource: ArmResource, what: string, read: (resource: ArmResource) => T): T | undefined {
    try {
      return read(resource);
    } catch (error) {
      if (!(error instanceof NotEvaluated)) throw error;
      const unknown = new Unknown(error.code, `${what} ${resource.name}: ${error.reason}`);
      this.unreadable.set(resource.key, unknown);
      const subscription = (resource.subscriptionId ?? '').toLowerCase();
      if (!this.blind.has(subscription)) this.blind.set(subscription, unknown);
      return undefined;
    }
  }

  /** Whether anything uses the NSG: a network interface, a subnet or a scale set; unknown when those were not all read. */
  attachment(nsg: ArmResource): 'attached' | 'unattached' | 'unknown' {
    if ((this.nsgUses.get(nsg.key) ?? 0) > 0) return 'attached';
    const subscription = nsg.subscriptionId ?? '';
    if (this.blind.has(subscription.toLowerCase())) return 'unknown';
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

  /**
   * A view of a resource on a way in; a resource that cannot be read stops the verdict, naming
   * the resource: whatever it would have allowed or forwarded is unknown.
   */
  private view<T>(resource: ArmResource, what: string, read: (resource: ArmResource) => T): T {
    const known = this.unreadable.get(resource.key);
    if (known) throw known;
    try {
      return read(resource);
    } catch (error) {
      if (error instanceof NotEvaluated) throw new Unknown(error.code, `${what} ${resource.name}: ${error.reason}`);
      throw error;
    }
  }

  /** The endpoints a public container group publishes; it has no NSG in front. Throws NotEvaluated when its address cannot be read. */
  containerGroup(group: ArmResource): Endpoint[] {
    const address = containerGroupAddressOf(group);
    if (!address.public) return [];
    const where = address.address ?? address.fqdn ?? '(address not assigned)';
    return (['tcp', 'udp'] as const).flatMap((protocol) => {
      const ports = PortSet.of(address.ports.filter((port) => port.protocols.includes(protocol)).map((port) => ({ from: port.port, to: port.port })));
      if (ports.isEmpty) return [];
      return [
        {
          address: where,
          protocol,
          ports,
          backendPorts: ports,
          frontendId: group.id,
          workload: { kind: 'container-group' as const, id: group.id, name: group.name },
          nsgIds: [],
          allowedBy: [],
          forwardedBy: [],
          path: [{ kind: 'container-group' as const, id: group.id, name: group.name, detail: `${where}, no NSG` }],
        },
      ];
    });
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

  private endpointsByNsg: Map<string, Endpoint[]> | undefined;

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
    if (this.blind.has(key)) return true;
    if (!this.unknownSubscriptions) {
      // Once per graph: every NSG rule asks.
      this.unknownSubscriptions = new Set();
      for (const pip of this.inventory.ofType(PUBLIC_IP_TYPE)) if (this.publicIp(pip).status === 'unknown') this.unknownSubscriptions.add((pip.subscriptionId ?? '').toLowerCase());
    }
    return this.unknownSubscriptions.has(key);
  }

  private unknownSubscriptions: Set<string> | undefined;

  private guardingNsgs: Set<string> | undefined;

  private nsgsOnPublicPaths(): Set<string> {
    const publicConfigs = new Set<string>();
    for (const { config } of this.configs.values()) if (config.publicIpId) publicConfigs.add(idKey(config.id));
    for (const lbResource of this.inventory.ofType(LOAD_BALANCER_TYPE)) {
      let lb: LoadBalancer;
      let members: (pool: string) => string[];
      try {
        lb = this.view(lbResource, 'load balancer', loadBalancerOf);
        members = (pool) => this.poolMembersOf(this.poolOf(lb.pools, pool, lbResource), pool, lbResource);
      } catch (error) {
        // Its public IPs are unknown, and hasUnknownIn says so for the subscription.
        if (error instanceof Unknown) continue;
        throw error;
      }
      const publicFrontends = new Set(lb.frontends.filter((frontend) => frontend.publicIpId).map((frontend) => idKey(frontend.id)));
      for (const forward of lb.forwards) {
        if (!forward.frontendId || !publicFrontends.has(idKey(forward.frontendId))) continue;
        if (forward.backendConfigurationId) publicConfigs.add(idKey(forward.backendConfigurationId));
        for (const pool of forward.poolIds) {
          let found: string[];
          try {
            found = members(pool);
          } catch (error) {
            if (error instanceof Unknown) continue;
            throw error;
          }
          for (const member of found) publicConfigs.add(idKey(member));
        }
      }
    }
    const guarding = new Set<string>();
    for (const key of publicConfigs) {
      const found = this.configs.get(key);
      if (!found) continue;
      const nicNsg = this.view(found.nic, 'network interface', networkInterfaceOf).nsgId;
      const subnetNsg = found.config.subnetId ? this.subnetNsg.get(idKey(found.config.subnetId)) : undefined;
      if (nicNsg) guarding.add(idKey(nicNsg));
      if (subnetNsg) guarding.add(idKey(subnetNsg));
    }
    return guarding;
  }

  private count(nsgId: string): void {
    const key = idKey(nsgId);
    this.nsgUses.set(key, (this.nsgUses.get(key) ?? 0) + 1);
  }

  private followPublicIp(pip: ArmResource): FrontendVerdict {
    const view = this.view(pip, 'public IP', publicIpOf);
    const address = view.address ?? view.fqdn ?? '(address not assigned)';
    if (!view.attachedTo) return { status: 'unattached' };
    const attachedKey = idKey(view.attachedTo);
    const pipStep: PathStep = { kind: 'public-ip', id: pip.id, name: pip.name, detail: address };

    // A virtual machine's interface (…/providers/Microsoft.Network/networkInterfaces/…) or a
    // scale set instance's (…/virtualMachineScaleSets/web/virtualMachines/0/networkInterfaces/…).
    if (attachedKey.includes('/networkinterfaces/')) {
      const target = this.configOrUnknown(view.attachedTo, pip);
      const allowance = this.allowance(target, view.sku === 'Standard');
      const endpoints = (['tcp', 'udp'] as const).flatMap((protocol) =>
        allowance.ports[protocol].isEmpty ? [] : [this.endpoint(address, protocol, allowance.ports[protocol], allowance.ports[protocol], pip.id, target, [pipStep, ...allowance.steps], allowance, protocol, [])],
      );
      return { status: endpoints.length > 0 ? 'reachable' : 'closed', endpoints };
    }
    if (attachedKey.includes('/providers/microsoft.network/loadbalancers/')) {
      return this.followLoadBalancer(pip, view.attachedTo, address, pipStep);
    }
    if (attachedKey.includes('/providers/microsoft.network/applicationgateways/')) {
      return this.followApplicationGateway(pip, view.attachedTo, address, pipStep);
    }
    if (attachedKey.includes('/providers/microsoft.network/azurefirewalls/')) {
      return this.followFirewall(pip, view.attachedTo, view.address, pipStep);
    }
    return { status: 'other', attachedTo: view.attachedTo };
  }

  private followLoadBalancer(pip: ArmResource, frontendId: string, address: string, pipStep: PathStep): FrontendVerdict {
    const lbId = parseArmId(frontendId).parentId!;
    const lbResource = this.inventory.get(lbId);
    if (!lbResource) throw this.missing(LOAD_BALANCER_TYPE, lbId, pip);
    const lb = this.view(lbResource, 'load balancer', loadBalancerOf);
    const lbStep = { kind: 'load-balancer' as const, id: lbResource.id, name: lbResource.name };
    const endpoints: Endpoint[] = [];
    const frontends = new Set(lb.frontends.map((frontend) => idKey(frontend.id)));
    for (const forward of lb.forwards) {
      // A rule on a frontend the load balancer does not have might be meant for this address.
      if (!forward.frontendId || !frontends.has(idKey(forward.frontendId))) {
        throw new Unknown('DanglingReference', `load balancer ${lbResource.name}: ${forward.kind === 'nat' ? 'NAT rule' : 'rule'} ${forward.name} names frontend ${forward.frontendId}, which it does not have`);
      }
      if (idKey(forward.frontendId) !== idKey(frontendId)) continue;
      const members = forward.backendConfigurationId ? [forward.backendConfigurationId] : forward.poolIds.flatMap((pool) => this.poolMembersOf(this.poolOf(lb.pools, pool, lbResource), pool, lbResource));
      const frontendPorts = PortSet.of([forward.frontendPorts]);
      const seen = new Set<string>();
      for (const member of members) {
        if (seen.has(idKey(member))) continue;
        seen.add(idKey(member));
        const target = this.configOrUnknown(member, pip);
        const allowance = this.allowance(target, lb.sku === 'Standard');
        for (const protocol of forward.protocols) {
          if (!allowance.ports[protocol].has(forward.backendPort)) continue;
          const detail = `${protocol.toUpperCase()} ${frontendPorts.toString()} → ${forward.backendPort} (${forward.kind === 'nat' ? 'NAT rule' : 'rule'} ${forward.name})`;
          endpoints.push(
            this.endpoint(address, protocol, frontendPorts, PortSet.single(forward.backendPort), pip.id, target, [pipStep, { ...lbStep, detail }, ...allowance.steps], allowance, protocol, [forward.location]),
          );
        }
      }
    }
    return { status: endpoints.length > 0 ? 'reachable' : 'closed', endpoints };
  }

  /**
   * An application gateway's public frontend: each listener on it whose port the gateway
   * subnet's NSG admits (without one, every listener: a gateway is there to be reached), to
   * the backends of its routing rules on the port the gateway connects on. The backends' own
   * NSGs are not applied: the gateway connects from its subnet, which they admit by default.
   */
  private followApplicationGateway(pip: ArmResource, frontendId: string, address: string, pipStep: PathStep): FrontendVerdict {
    const gatewayId = parseArmId(frontendId).parentId!;
    const resource = this.inventory.get(gatewayId);
    if (!resource) throw this.missing(APPLICATION_GATEWAY_TYPE, gatewayId, pip);
    const gateway = this.view(resource, 'application gateway', applicationGatewayOf);
    const subnetNsg = gateway.subnetId ? this.subnetNsgOf(gateway.subnetId, resource) : undefined;
    const admitted = subnetNsg ? this.view(subnetNsg, 'NSG', nsgExposure) : undefined;
    const endpoints: Endpoint[] = [];
    for (const route of gateway.routes) {
      if (!route.frontendId || !gateway.frontendIds.has(idKey(route.frontendId))) {
        throw new Unknown('DanglingReference', `application gateway ${resource.name}: listener ${route.listenerName} names frontend ${route.frontendId}, which it does not have`);
      }
      if (idKey(route.frontendId) !== idKey(frontendId)) continue;
      if (route.unreadable) throw new Unknown('MalformedProperty', `application gateway ${resource.name}: ${route.unreadable}`);
      if (admitted && !admitted.exposed.tcp.has(route.frontendPort)) continue;
      const ports = PortSet.single(route.frontendPort);
      const nsgSteps: PathStep[] = subnetNsg && admitted
        ? [{ kind: 'gateway-nsg', id: subnetNsg.id, name: subnetNsg.name, detail: `allowed by ${admitted.allows.filter((allow) => allow.exposed.tcp.has(route.frontendPort)).map(({ rule }) => `${rule.name} (priority ${rule.priority})`).join(', ')}` }]
        : [];
      const listener = `${route.protocol.toUpperCase()} ${route.frontendPort}`;
      const base = { address, protocol: 'tcp' as const, ports, frontendId: pip.id, nsgIds: [], allowedBy: [], forwardedBy: [route.location] };
      const gatewayStep = (detail: string): PathStep => ({ kind: 'application-gateway', id: resource.id, name: resource.name, detail });
      if (route.backends.length === 0) {
        endpoints.push({ ...base, backendPorts: ports, workload: { kind: 'application-gateway', id: resource.id, name: resource.name }, path: [pipStep, ...nsgSteps, gatewayStep(`${listener} (listener ${route.listenerName}, no backend)`)] });
        continue;
      }
      for (const backend of route.backends) {
        const backendPorts = PortSet.single(backend.port);
        const hop = gatewayStep(`${listener} → ${backend.protocol.toUpperCase()} ${backend.port} (listener ${route.listenerName}, rule ${backend.ruleName})`);
        const pool = gateway.pools.get(idKey(backend.poolId));
        for (const member of this.poolMembersOf(pool?.configIds ?? [], backend.poolId, resource)) {
          const target = this.configOrUnknown(member, pip);
          const behind = this.workloadBehind(target.nic);
          const nicStep: PathStep = { kind: 'nic', id: target.nic.id, name: target.nic.name, ...(target.config.privateIp ? { detail: target.config.privateIp } : {}) };
          endpoints.push({
            ...base,
            backendPorts,
            forwardedBy: [route.location, backend.location],
            workload: behind.workload,
            path: [pipStep, ...nsgSteps, hop, nicStep, ...behind.steps],
          });
        }
        for (const backendAddress of pool?.addresses ?? []) {
          endpoints.push({
            ...base,
            backendPorts,
            forwardedBy: [route.location, backend.location],
            workload: { kind: 'address', id: `${backend.poolId}#${backendAddress}`, name: backendAddress },
            path: [pipStep, ...nsgSteps, hop, { kind: 'backend-address', id: backend.poolId, name: backendAddress }],
          });
        }
      }
    }
    return { status: endpoints.length > 0 ? 'reachable' : 'closed', endpoints };
  }

  /**
   * An Azure Firewall's public IP: the DNAT rules for that address that the whole internet
   * matches (source `*` or a /0), in the order the firewall applies them — classic rules, or
   * the base policy's groups and then the policy's, each group and collection by priority —
   * the first rule to claim a port deciding it. The translated address is followed to the one
   * interface that has it. The backends' NSGs are not applied: the firewall connects to them
   * from its own address.
   */
  private followFirewall(pip: ArmResource, ipConfigurationId: string, address: string | undefined, pipStep: PathStep): FrontendVerdict {
    const firewallId = parseArmId(ipConfigurationId).parentId!;
    const resource = this.inventory.get(firewallId);
    if (!resource) throw this.missing(FIREWALL_TYPE, firewallId, pip);
    // An address not assigned yet matches no rule.
    if (address === undefined) return { status: 'closed', endpoints: [] };
    const firewall = this.view(resource, 'firewall', firewallOf);
    const rules = [...firewall.classicRules, ...(firewall.policyId ? this.policyDnatRules(firewall.policyId, pip) : [])];
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
        endpoints.push(this.dnatEndpoint(pip, address, pipStep, resource, rule, protocol, claimed));
      }
    }
    return { status: endpoints.length > 0 ? 'reachable' : 'closed', endpoints };
  }

  private dnatEndpoint(pip: ArmResource, address: string, pipStep: PathStep, firewall: ArmResource, rule: DnatRule, protocol: TransportProtocol, ports: PortSet): Endpoint {
    const translatedTo = rule.translatedTo!;
    const hop: PathStep = { kind: 'firewall', id: firewall.id, name: firewall.name, detail: `${protocol.toUpperCase()} ${ports.toString()} → ${translatedTo}:${rule.translatedPort} (DNAT rule ${rule.name})` };
    const base = { address, protocol, ports, backendPorts: PortSet.single(rule.translatedPort!), frontendId: pip.id, nsgIds: [], allowedBy: [], forwardedBy: [rule.location] };
    const target = this.configWithPrivateIp(translatedTo);
    if (!target) {
      return { ...base, workload: { kind: 'address', id: `${firewall.id}#${translatedTo}`, name: translatedTo }, path: [pipStep, hop, { kind: 'backend-address', id: firewall.id, name: translatedTo }] };
    }
    const behind = this.workloadBehind(target.nic);
    const nicStep: PathStep = { kind: 'nic', id: target.nic.id, name: target.nic.name, detail: translatedTo };
    return { ...base, workload: behind.workload, path: [pipStep, hop, nicStep, ...behind.steps] };
  }

  /** The DNAT rules a policy gives its firewalls: its base policy's first, then its own, groups by priority. */
  private policyDnatRules(policyId: string, from: ArmResource): DnatRule[] {
    const chain: ArmResource[] = [];
    const seen = new Set<string>();
    for (let id: string | undefined = policyId; id !== undefined && !seen.has(idKey(id)); ) {
      seen.add(idKey(id));
      const policy = this.inventory.get(id);
      if (!policy) throw this.missing(FIREWALL_POLICY_TYPE, id, from);
      chain.unshift(policy);
      id = this.view(policy, 'firewall policy', basePolicyOf);
    }
    return chain.flatMap((policy) => {
      const unavailable = this.inventory.unavailable(policy, RULE_COLLECTION_GROUP_TYPE);
      if (unavailable) throw new Unknown(unavailable.code, `rule collection groups of firewall policy ${policy.name}: ${unavailable.reason}`);
      return this.inventory
        .childrenOf(policy, RULE_COLLECTION_GROUP_TYPE)
        .map((group) => this.view(group, `rule collection group of firewall policy ${policy.name}:`, dnatRulesOfGroup))
        .sort((a, b) => a.priority - b.priority)
        .flatMap((group) => group.rules);
    });
  }

  private configsByPrivateIp: Map<string, Array<{ nic: ArmResource; config: NicIpConfiguration }>> | undefined;

  /**
   * The IP configuration with a private address, when exactly one in the estate has it:
   * address spaces of unpeered networks may overlap, and a guess would name the wrong VM.
   */
  private configWithPrivateIp(ip: string): { nic: ArmResource; config: NicIpConfiguration } | undefined {
    if (!this.configsByPrivateIp) {
      this.configsByPrivateIp = new Map();
      for (const found of this.configs.values()) if (found.config.privateIp) pushTo(this.configsByPrivateIp, found.config.privateIp, found);
    }
    const found = this.configsByPrivateIp.get(ip.trim());
    return found?.length === 1 ? found[0] : undefined;
  }

  /** The NSG of a subnet, or none; unknown when the subnet's virtual network or its NSG was not read. */
  private subnetNsgOf(subnetId: string, from: ArmResource): ArmResource | undefined {
    const subnetKey = idKey(subnetId);
    if (!this.subnetNsg.has(subnetKey)) {
      const vnetId = parseArmId(subnetId).parentId ?? subnetId;
      const unreadable = this.unreadable.get(idKey(vnetId));
      if (unreadable) throw unreadable;
      if (!this.inventory.get(vnetId)) throw this.missing(VIRTUAL_NETWORK_TYPE, vnetId, from);
      // The network was read and has no such subnet: which NSG guards it is not known.
      throw new Unknown('DanglingReference', `${from.name} refers to subnet ${subnetId}, which its virtual network does not have`);
    }
    const nsgId = this.subnetNsg.get(subnetKey);
    if (!nsgId) return undefined;
    const nsg = this.inventory.get(nsgId);
    if (!nsg) throw this.missing(NSG_TYPE, nsgId, from);
    return nsg;
  }

  private configOrUnknown(configId: string, from: ArmResource): { nic: ArmResource; config: NicIpConfiguration } {
    const found = this.configs.get(idKey(configId));
    if (found) return found;
    const nicId = parseArmId(configId).parentId ?? configId;
    const unreadable = this.unreadable.get(idKey(nicId));
    if (unreadable) throw unreadable;
    const scaleSet = scaleSetPlaceOf(nicId);
    if (scaleSet) {
      // Read per scale set: the scale set list, or that scale set's interfaces, may have failed.
      if (!this.inventory.get(scaleSet.scaleSetId)) throw this.missing(SCALE_SET_TYPE, scaleSet.scaleSetId, from);
      const unavailable = this.inventory.unavailable(scaleSet.scaleSetId, NIC_TYPE);
      if (unavailable) throw new Unknown(unavailable.code, `${NIC_TYPE} of scale set ${lastName(scaleSet.scaleSetId)}: ${unavailable.reason}`);
    }
    throw this.missing(NIC_TYPE, nicId, from);
  }

  /** An Unknown for a referenced resource that is not in the inventory: not read, or gone. */
  private missing(type: string, id: string, from: ArmResource): Unknown {
    const listed = this.inventory.resourcesIn(from.subscriptionId ?? '', type);
    if ('reason' in listed) return new Unknown(listed.code, `${type} ${lastName(id)}: ${listed.reason}`);
    return new Unknown('DanglingReference', `${from.name} refers to ${id}, which the scan did not find`);
  }

  /** What the subnet NSG and the NIC NSG together admit from the internet to one IP configuration. */
  private allowance(target: { nic: ArmResource; config: NicIpConfiguration }, closedByDefault: boolean): Allowance {
    const nic = this.view(target.nic, 'network interface', networkInterfaceOf);
    const onPath: Array<{ nsg: ArmResource; kind: 'subnet-nsg' | 'nic-nsg' }> = [];
    const subnetNsg = target.config.subnetId ? this.subnetNsgOf(target.config.subnetId, target.nic) : undefined;
    if (subnetNsg) onPath.push({ nsg: subnetNsg, kind: 'subnet-nsg' });
    if (nic.nsgId) {
      const nicNsg = this.inventory.get(nic.nsgId);
      if (!nicNsg) throw this.missing(NSG_TYPE, nic.nsgId, target.nic);
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
      const exposure: NsgExposure = this.view(nsg, 'NSG', (resource) => nsgExposureFor(resource, destination));
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

  private endpoint(
    address: string,
    protocol: TransportProtocol,
    ports: PortSet,
    backendPorts: PortSet,
    frontendId: string,
    target: { nic: ArmResource; config: NicIpConfiguration },
    steps: PathStep[],
    allowance: Allowance,
    forProtocol: TransportProtocol,
    forwardedBy: readonly ConfigLocation[],
  ): Endpoint {
    const behind = this.workloadBehind(target.nic);
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

  /** The VM (or scale set instance) behind an interface, as the workload and the path's last hop; the interface itself when no VM is attached. */
  private workloadBehind(nic: ArmResource): { workload: Endpoint['workload']; steps: PathStep[] } {
    const vmId = this.view(nic, 'network interface', networkInterfaceOf).virtualMachineId;
    if (!vmId) return { workload: { kind: 'nic', id: nic.id, name: nic.name }, steps: [] };
    const vm = this.inventory.get(vmId) ?? { id: vmId, name: instanceName(vmId) };
    return { workload: { kind: 'vm', id: vm.id, name: vm.name }, steps: [{ kind: 'vm', id: vm.id, name: vm.name }] };
  }

  /**
   * A backend pool's IP configurations, as its load balancer or gateway lists them and as
   * interfaces name the pool, each once. Unknown when an interface in the subscription cannot
   * be read: it may be a member.
   */
  /** The members a load balancer lists for one of its pools; a pool it does not have is a dangling reference. */
  private poolOf(pools: ReadonlyMap<string, readonly string[]>, poolId: string, owner: ArmResource): readonly string[] {
    const listed = pools.get(idKey(poolId));
    if (listed === undefined) throw new Unknown('DanglingReference', `${owner.name} forwards to backend pool ${poolId}, which it does not have`);
    return listed;
  }

  private poolMembersOf(listed: readonly string[], poolId: string, owner: ArmResource): string[] {
    const blind = this.blind.get((owner.subscriptionId ?? '').toLowerCase());
    if (blind) throw new Unknown(blind.code, `the members of backend pool ${lastName(poolId)} of ${owner.name} cannot all be known: ${blind.reason}`);
    const members = new Map<string, string>();
    for (const id of [...listed, ...(this.poolMembers.get(idKey(poolId)) ?? [])]) if (!members.has(idKey(id))) members.set(idKey(id), id);
    return [...members.values()];
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

/** A scale set instance as Azure names it (`web_0`); another virtual machine by its name. */
function instanceName(vmId: string): string {
  const place = scaleSetPlaceOf(vmId);
  return place?.instance === undefined ? lastName(vmId) : `${lastName(place.scaleSetId)}_${place.instance}`;
}

function lastName(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

