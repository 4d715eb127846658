import type { Endpoint, PathStep } from '../../model/exposure.js';
import { NotEvaluated } from '../../model/not-evaluated.js';
import { NIC_TYPE, NSG_TYPE, VIRTUAL_NETWORK_TYPE } from '../../inventory/arm-types.js';
import { idKey, parseArmId } from '../../inventory/arm-id.js';
import { pushTo } from '../../inventory/collections.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { ArmResource } from '../../inventory/types.js';
import { networkInterfaceOf, type NicIpConfiguration } from '../network-interface.js';
import { subnetsOf } from '../virtual-network.js';
import { instanceName, scaleSetModelNsgIds, unreadInstanceInterface } from './scale-sets.js';
import { lastName, missing, Unknown } from './verdict.js';

/**
 * The estate's network, indexed once for every way in: interfaces' IP configurations by id and
 * by private address, which NSG guards each subnet, which interfaces name each backend pool,
 * how many interfaces, subnets and scale set models use each NSG. A way in follows references
 * forward through it; where a relation is looked up from the other end — which interfaces name
 * a pool, which interfaces and subnets use an NSG — one unreadable interface, network or scale
 * set in the subscription makes the answer unknown there, since it may be the one that would
 * have been found.
 */

/** One IP configuration and the network interface it belongs to. */
export interface InterfaceConfig {
  readonly nic: ArmResource;
  readonly config: NicIpConfiguration;
}

export class NetworkIndex {
  /** The IP configurations of every interface that could be read, by key. */
  readonly configs = new Map<string, InterfaceConfig>();
  private readonly subnetNsg = new Map<string, string | undefined>();
  private readonly poolMembers = new Map<string, string[]>();
  private readonly nsgUses = new Map<string, number>();
  /** Interfaces and virtual networks whose configuration cannot be read, by key, and why. */
  private readonly unreadable = new Map<string, Unknown>();
  /** Subscriptions (lower-cased) with an unreadable interface, network or scale set: the first reason. */
  private readonly blind = new Map<string, Unknown>();
  private configsByPrivateIp: Map<string, InterfaceConfig[]> | undefined;

  constructor(readonly inventory: Inventory) {
    for (const nic of inventory.ofType(NIC_TYPE)) {
      const view = this.readOrRecord(nic, 'network interface', networkInterfaceOf);
      if (!view) continue;
      if (view.nsgId) this.count(view.nsgId);
      for (const config of view.ipConfigurations) {
        this.configs.set(idKey(config.id), { nic, config });
        for (const pool of config.backendPoolIds) pushTo(this.poolMembers, idKey(pool), config.id);
      }
    }
    for (const nsgId of scaleSetModelNsgIds(inventory, (resource, what, read) => this.readOrRecord(resource, what, read))) this.count(nsgId);
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

  private count(nsgId: string): void {
    const key = idKey(nsgId);
    this.nsgUses.set(key, (this.nsgUses.get(key) ?? 0) + 1);
  }

  /** How many network interfaces, subnets and scale set models use the NSG. */
  uses(nsg: ArmResource): number {
    return this.nsgUses.get(nsg.key) ?? 0;
  }

  /** The first unreadable interface, network or scale set in the subscription, if any. */
  blindIn(subscriptionId: string | undefined): Unknown | undefined {
    return this.blind.get((subscriptionId ?? '').toLowerCase());
  }

  /**
   * A view of a resource on a way in; a resource that cannot be read stops the verdict, naming
   * the resource: whatever it would have allowed or forwarded is unknown.
   */
  view<T>(resource: ArmResource, what: string, read: (resource: ArmResource) => T): T {
    const known = this.unreadable.get(resource.key);
    if (known) throw known;
    try {
      return read(resource);
    } catch (error) {
      if (error instanceof NotEvaluated) throw new Unknown(error.code, `${what} ${resource.name}: ${error.reason}`);
      throw error;
    }
  }

  /** An Unknown for a referenced resource that is not in the inventory: not read, or gone. */
  missing(type: string, id: string, from: ArmResource): Unknown {
    return missing(this.inventory, type, id, from);
  }

  /** The id of the NSG the index has for a subnet, if any; no lookup of what is not there. */
  subnetNsgIdOf(subnetId: string): string | undefined {
    return this.subnetNsg.get(idKey(subnetId));
  }

  /**
   * The IP configuration with a private address, when exactly one in the estate has it:
   * address spaces of unpeered networks may overlap, and a guess would name the wrong VM.
   */
  configWithPrivateIp(ip: string): InterfaceConfig | undefined {
    if (!this.configsByPrivateIp) {
      this.configsByPrivateIp = new Map();
      for (const found of this.configs.values()) if (found.config.privateIp) pushTo(this.configsByPrivateIp, found.config.privateIp, found);
    }
    const found = this.configsByPrivateIp.get(ip.trim());
    return found?.length === 1 ? found[0] : undefined;
  }

  /** The NSG of a subnet, or none; unknown when the subnet's virtual network or its NSG was not read. */
  subnetNsgOf(subnetId: string, from: ArmResource): ArmResource | undefined {
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

  configOrUnknown(configId: string, from: ArmResource): InterfaceConfig {
    const found = this.configs.get(idKey(configId));
    if (found) return found;
    const nicId = parseArmId(configId).parentId ?? configId;
    const unreadable = this.unreadable.get(idKey(nicId));
    if (unreadable) throw unreadable;
    const instance = unreadInstanceInterface(this.inventory, nicId, from);
    if (instance) throw instance;
    throw this.missing(NIC_TYPE, nicId, from);
  }

  /** The VM (or scale set instance) behind an interface, as the workload and the path's last hop; the interface itself when no VM is attached. */
  workloadBehind(nic: ArmResource): { workload: Endpoint['workload']; steps: PathStep[] } {
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
  poolMembersOf(listed: readonly string[], poolId: string, owner: ArmResource): string[] {
    const blind = this.blindIn(owner.subscriptionId);
    if (blind) throw new Unknown(blind.code, `the members of backend pool ${lastName(poolId)} of ${owner.name} cannot all be known: ${blind.reason}`);
    const members = new Map<string, string>();
    for (const id of [...listed, ...(this.poolMembers.get(idKey(poolId)) ?? [])]) if (!members.has(idKey(id))) members.set(idKey(id), id);
    return [...members.values()];
  }
}
