import { APPLICATION_GATEWAY_TYPE, CONTAINER_GROUP_TYPE, FIREWALL_POLICY_TYPE, FIREWALL_TYPE, LOAD_BALANCER_TYPE, NIC_TYPE, NSG_TYPE, PUBLIC_IP_TYPE, RULE_COLLECTION_GROUP_TYPE, SCALE_SET_TYPE, VIRTUAL_MACHINE_TYPE, VIRTUAL_NETWORK_TYPE } from '../../inventory/arm-types.js';
import type { ArmClients } from '../clients.js';
import { readList, type Pageable, type RawResponseHook } from '../read.js';
import { isJsonObject } from '../../inventory/types.js';
import { inSubscription, place, under, type ParentResource, type ResourceReader } from './reader.js';

/**
 * The api-versions the SDKs send: @azure/arm-network 36.0.0 one for most operations and an older
 * one for scale set instances' resources, @azure/arm-compute 23.3.0 and
 * @azure/arm-containerinstance 9.1.0 one each for the operations used here.
 */
const NETWORK_API_VERSION = '2025-05-01';
const SCALE_SET_NETWORK_API_VERSION = '2018-10-01';
const COMPUTE_API_VERSION = '2025-04-01';
const CONTAINER_INSTANCE_API_VERSION = '2023-05-01';

/**
 * What relates the internet to workloads: NSGs, network interfaces, public IPs, virtual
 * networks (their subnets and subnet NSGs), load balancers, application gateways, Azure
 * Firewalls with their policies' rule collection groups, virtual machines, scale sets and
 * container groups — each listed once per subscription — and the network interfaces and public
 * IPs of scale set instances, which those lists leave out, once per scale set.
 */
export const NETWORK_READERS: readonly ResourceReader[] = [
  inEachSubscription(NSG_TYPE, (network, options) => network.networkSecurityGroups.listAll(options)),
  inEachSubscription(NIC_TYPE, (network, options) => network.networkInterfaces.listAll(options)),
  inEachSubscription(PUBLIC_IP_TYPE, (network, options) => network.publicIPAddresses.listAll(options)),
  inEachSubscription(VIRTUAL_NETWORK_TYPE, (network, options) => network.virtualNetworks.listAll(options)),
  inEachSubscription(LOAD_BALANCER_TYPE, (network, options) => network.loadBalancers.listAll(options)),
  inEachSubscription(APPLICATION_GATEWAY_TYPE, (network, options) => network.applicationGateways.listAll(options)),
  inEachSubscription(FIREWALL_TYPE, (network, options) => network.azureFirewalls.listAll(options)),
  inEachSubscription(FIREWALL_POLICY_TYPE, (network, options) => network.firewallPolicies.listAll(options)),
  {
    type: RULE_COLLECTION_GROUP_TYPE,
    parentType: FIREWALL_POLICY_TYPE,
    request: { path: under(FIREWALL_POLICY_TYPE, 'ruleCollectionGroups'), apiVersion: NETWORK_API_VERSION },
    read: async (clients, sub, parent, onPage) => {
      const network = await clients.network(sub);
      const { group, name } = place(parent);
      return readList((options) => network.firewallPolicyRuleCollectionGroups.list(group, name, options), onPage);
    },
  },
  {
    type: VIRTUAL_MACHINE_TYPE,
    request: { path: inSubscription(VIRTUAL_MACHINE_TYPE), apiVersion: COMPUTE_API_VERSION },
    read: async (clients, sub, _parent, onPage) => {
      const compute = await clients.compute(sub);
      return readList((options) => compute.virtualMachines.listAll(options), onPage);
    },
  },
  {
    type: SCALE_SET_TYPE,
    request: { path: inSubscription(SCALE_SET_TYPE), apiVersion: COMPUTE_API_VERSION },
    read: async (clients, sub, _parent, onPage) => {
      const compute = await clients.compute(sub);
      return readList((options) => compute.virtualMachineScaleSets.listAll(options), onPage);
    },
  },
  perUniformScaleSet(NIC_TYPE, 'networkInterfaces', (network, group, name, options) => network.networkInterfaces.listVirtualMachineScaleSetNetworkInterfaces(group, name, options)),
  perUniformScaleSet(PUBLIC_IP_TYPE, 'publicIPAddresses', (network, group, name, options) => network.publicIPAddresses.listVirtualMachineScaleSetPublicIPAddresses(group, name, options)),
  {
    type: CONTAINER_GROUP_TYPE,
    request: { path: inSubscription(CONTAINER_GROUP_TYPE), apiVersion: CONTAINER_INSTANCE_API_VERSION },
    read: async (clients, sub, _parent, onPage) => {
      const containers = await clients.containerInstance(sub);
      return readList((options) => containers.containerGroups.list(options), onPage);
    },
  },
];

type NetworkClient = Awaited<ReturnType<ArmClients['network']>>;

/** A reader of `type` listed once per subscription through the network client. */
function inEachSubscription(type: string, list: (network: NetworkClient, options: RawResponseHook) => Pageable): ResourceReader {
  return {
    type,
    request: { path: inSubscription(type), apiVersion: NETWORK_API_VERSION },
    read: async (clients, sub, _parent, onPage) => {
      const network = await clients.network(sub);
      return readList((options) => list(network, options), onPage);
    },
  };
}

/**
 * A reader of `type` under each Uniform scale set. The scale-set lists answer with network
 * interfaces and public IPs whose ids name the scale set; the type is what the operation
 * lists, and Microsoft's examples leave it out of some items.
 */
function perUniformScaleSet(type: string, collection: string, list: (network: NetworkClient, group: string, name: string, options: RawResponseHook) => Pageable): ResourceReader {
  return {
    type,
    parentType: SCALE_SET_TYPE,
    request: { path: under(SCALE_SET_TYPE, collection), apiVersion: SCALE_SET_NETWORK_API_VERSION, only: 'Uniform scale sets' },
    read: async (clients, sub, parent) => {
      if (isFlexible(parent)) return [];
      const network = await clients.network(sub);
      const { group, name } = place(parent);
      const items = await readList((options) => list(network, group, name, options));
      return items.map((item) => (isJsonObject(item) && item.type === undefined ? { ...item, type } : item));
    },
  };
}

/**
 * A Flexible scale set's instances are ordinary virtual machines whose interfaces and public
 * IPs the subscription-wide lists include; ARM answers the scale-set lists for it with 404.
 */
function isFlexible(scaleSet: ParentResource | undefined): boolean {
  const mode = scaleSet?.properties?.orchestrationMode;
  return typeof mode === 'string' && mode.toLowerCase() === 'flexible';
}
