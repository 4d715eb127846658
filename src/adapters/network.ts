import { pushTo } from '../collections.js';
import type { ArmResource } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';
import { valueAt } from './setting.js';

/**
 * The network resources that relate a public address to a workload: public IPs, network
 * interfaces and their IP configurations, virtual networks' subnets, load balancers, virtual
 * machines, scale sets, application gateways and container groups. Views are lenient: a reference that is not `{ id }` is read
 * as no reference, since the exposure path it would add cannot be followed anyway.
 */

export const NIC_TYPE = 'Microsoft.Network/networkInterfaces';
export const PUBLIC_IP_TYPE = 'Microsoft.Network/publicIPAddresses';
export const VIRTUAL_NETWORK_TYPE = 'Microsoft.Network/virtualNetworks';
export const LOAD_BALANCER_TYPE = 'Microsoft.Network/loadBalancers';
export const VIRTUAL_MACHINE_TYPE = 'Microsoft.Compute/virtualMachines';
/**
 * Scale sets in Uniform orchestration keep their instances' network interfaces and public IPs
 * under the scale set (`…/virtualMachineScaleSets/web/virtualMachines/0/networkInterfaces/nic`),
 * out of the subscription-wide lists; they are read per scale set, as these types.
 */
export const SCALE_SET_TYPE = 'Microsoft.Compute/virtualMachineScaleSets';
export const CONTAINER_GROUP_TYPE = 'Microsoft.ContainerInstance/containerGroups';
export const APPLICATION_GATEWAY_TYPE = 'Microsoft.Network/applicationGateways';

/** The id an ARM reference (`{ "id": "…" }`) points at. */
export function refId(value: unknown): string | undefined {
  return isJsonObject(value) && typeof value.id === 'string' && value.id !== '' ? value.id : undefined;
}

function refIds(value: unknown): string[] {
  return Array.isArray(value) ? value.map(refId).filter((id): id is string => id !== undefined) : [];
}

/** The object entries of an ARM array, each with its index in the array as sent and its raw JSON. */
function list(value: unknown): Array<{ id?: string; name?: string; properties: Record<string, unknown>; index: number; raw: Record<string, unknown> }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown, index) =>
    isJsonObject(entry)
      ? [
          {
            ...(typeof entry.id === 'string' ? { id: entry.id } : {}),
            ...(typeof entry.name === 'string' ? { name: entry.name } : {}),
            properties: isJsonObject(entry.properties) ? entry.properties : {},
            index,
            raw: entry,
          },
        ]
      : [],
  );
}

/** Where a forwarding rule sits in its resource's ARM JSON, and what it says: a finding's evidence. */
export interface ConfigLocation {
  readonly resourceId: string;
  readonly path: string;
  readonly value: unknown;
}

export interface PublicIp {
  readonly address: string | undefined;
  /** Basic addresses are open unless an NSG denies; Standard ones are closed unless an NSG allows. */
  readonly sku: 'Basic' | 'Standard';
  /** The IP configuration (of a NIC, a load balancer frontend, a gateway…) it is attached to. */
  readonly attachedTo: string | undefined;
  readonly fqdn: string | undefined;
}

export function publicIpOf(resource: ArmResource): PublicIp {
  const address = resource.properties.ipAddress;
  const fqdn = valueAt(resource.raw, 'properties.dnsSettings.fqdn');
  const sku = valueAt(resource.raw, 'sku.name');
  return {
    address: typeof address === 'string' && address !== '' ? address : undefined,
    // A public IP created before SKUs existed, or without one, is Basic.
    sku: typeof sku === 'string' && sku.toLowerCase() === 'standard' ? 'Standard' : 'Basic',
    attachedTo: refId(resource.properties.ipConfiguration),
    fqdn: typeof fqdn === 'string' ? fqdn : undefined,
  };
}

export interface NicIpConfiguration {
  readonly id: string;
  readonly name: string;
  readonly privateIp: string | undefined;
  readonly subnetId: string | undefined;
  readonly publicIpId: string | undefined;
  /** Load balancer and application gateway backend pools the configuration is in. */
  readonly backendPoolIds: readonly string[];
  readonly natRuleIds: readonly string[];
  readonly applicationSecurityGroupIds: readonly string[];
}

export interface NetworkInterface {
  readonly nsgId: string | undefined;
  readonly virtualMachineId: string | undefined;
  readonly ipConfigurations: readonly NicIpConfiguration[];
}

export function networkInterfaceOf(resource: ArmResource): NetworkInterface {
  return {
    nsgId: refId(resource.properties.networkSecurityGroup),
    virtualMachineId: refId(resource.properties.virtualMachine),
    ipConfigurations: list(resource.properties.ipConfigurations).map((config, i) => {
      const privateIp = config.properties.privateIPAddress;
      return {
        id: config.id ?? `${resource.id}/ipConfigurations/${config.name ?? i}`,
        name: config.name ?? `#${i}`,
        privateIp: typeof privateIp === 'string' ? privateIp.split('/')[0] : undefined,
        subnetId: refId(config.properties.subnet),
        publicIpId: refId(config.properties.publicIPAddress),
        backendPoolIds: [...refIds(config.properties.loadBalancerBackendAddressPools), ...refIds(config.properties.applicationGatewayBackendAddressPools)],
        natRuleIds: refIds(config.properties.loadBalancerInboundNatRules),
        applicationSecurityGroupIds: refIds(config.properties.applicationSecurityGroups),
      };
    }),
  };
}

export interface Subnet {
  readonly id: string;
  readonly name: string;
  readonly nsgId: string | undefined;
}

/** A virtual network's subnets, as its GET and list embed them. */
export function subnetsOf(resource: ArmResource): Subnet[] {
  return list(resource.properties.subnets).map((subnet, i) => ({
    id: subnet.id ?? `${resource.id}/subnets/${subnet.name ?? i}`,
    name: subnet.name ?? `#${i}`,
    nsgId: refId(subnet.properties.networkSecurityGroup),
  }));
}

export type TransportProtocol = 'tcp' | 'udp';

/** A load balancer's way in: a frontend port mapped to a backend port, for a pool or one configuration. */
export interface LoadBalancerForward {
  readonly kind: 'rule' | 'nat';
  readonly id: string;
  readonly name: string;
  readonly frontendId: string | undefined;
  readonly protocols: readonly TransportProtocol[];
  readonly frontendPort: number;
  readonly backendPort: number;
  /** For load-balancing rules: the backend pools. */
  readonly poolIds: readonly string[];
  /** For inbound NAT rules: the one backend IP configuration. */
  readonly backendConfigurationId: string | undefined;
  readonly location: ConfigLocation;
}

export interface LoadBalancer {
  readonly sku: 'Basic' | 'Standard';
  readonly frontends: ReadonlyArray<{ readonly id: string; readonly name: string; readonly publicIpId: string | undefined }>;
  readonly forwards: readonly LoadBalancerForward[];
  /** Backend pools and the NIC IP configurations in them. */
  readonly pools: ReadonlyMap<string, readonly string[]>;
}

function protocolsOf(value: unknown): TransportProtocol[] {
  const protocol = typeof value === 'string' ? value.toLowerCase() : '';
  return protocol === 'tcp' ? ['tcp'] : protocol === 'udp' ? ['udp'] : protocol === 'all' ? ['tcp', 'udp'] : [];
}

export function loadBalancerOf(resource: ArmResource): LoadBalancer {
  const sku = valueAt(resource.raw, 'sku.name');
  const frontends = list(resource.properties.frontendIPConfigurations).map((frontend, i) => ({
    id: frontend.id ?? `${resource.id}/frontendIPConfigurations/${frontend.name ?? i}`,
    name: frontend.name ?? `#${i}`,
    publicIpId: refId(frontend.properties.publicIPAddress),
  }));
  const port = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) ? value : -1);
  const rules = list(resource.properties.loadBalancingRules).map((rule, i): LoadBalancerForward => ({
    location: { resourceId: resource.id, path: `properties.loadBalancingRules[${rule.index}]`, value: rule.raw },
    kind: 'rule',
    id: rule.id ?? `${resource.id}/loadBalancingRules/${rule.name ?? i}`,
    name: rule.name ?? `#${i}`,
    frontendId: refId(rule.properties.frontendIPConfiguration),
    protocols: protocolsOf(rule.properties.protocol),
    frontendPort: port(rule.properties.frontendPort),
    backendPort: port(rule.properties.backendPort),
    poolIds: [...refIds(rule.properties.backendAddressPools), ...(refId(rule.properties.backendAddressPool) ? [refId(rule.properties.backendAddressPool)!] : [])],
    backendConfigurationId: undefined,
  }));
  const nat = list(resource.properties.inboundNatRules).map((rule, i): LoadBalancerForward => ({
    location: { resourceId: resource.id, path: `properties.inboundNatRules[${rule.index}]`, value: rule.raw },
    kind: 'nat',
    id: rule.id ?? `${resource.id}/inboundNatRules/${rule.name ?? i}`,
    name: rule.name ?? `#${i}`,
    frontendId: refId(rule.properties.frontendIPConfiguration),
    protocols: protocolsOf(rule.properties.protocol),
    frontendPort: port(rule.properties.frontendPort),
    backendPort: port(rule.properties.backendPort),
    poolIds: [],
    backendConfigurationId: refId(rule.properties.backendIPConfiguration),
  }));
  const pools = new Map(
    list(resource.properties.backendAddressPools).map((pool, i) => [
      (pool.id ?? `${resource.id}/backendAddressPools/${pool.name ?? i}`).toLowerCase(),
      refIds(pool.properties.backendIPConfigurations),
    ]),
  );
  return {
    sku: typeof sku === 'string' && sku.toLowerCase() === 'standard' ? 'Standard' : 'Basic',
    frontends,
    forwards: [...rules, ...nat].filter((forward) => forward.frontendPort > 0 && forward.backendPort > 0 && forward.protocols.length > 0),
    pools,
  };
}

export interface ContainerGroupAddress {
  readonly public: boolean;
  readonly address: string | undefined;
  readonly fqdn: string | undefined;
  readonly ports: ReadonlyArray<{ readonly port: number; readonly protocols: readonly TransportProtocol[] }>;
}

/** A container group's IP address and the ports it publishes; containers behind a public one have no NSG at all. */
export function containerGroupAddressOf(resource: ArmResource): ContainerGroupAddress {
  const ip = isJsonObject(resource.properties.ipAddress) ? resource.properties.ipAddress : {};
  const type = typeof ip.type === 'string' ? ip.type.toLowerCase() : '';
  const ports = Array.isArray(ip.ports)
    ? ip.ports.filter(isJsonObject).flatMap((entry) =>
        typeof entry.port === 'number' ? [{ port: entry.port, protocols: entry.protocol === undefined ? (['tcp'] as TransportProtocol[]) : protocolsOf(entry.protocol) }] : [],
      )
    : [];
  return {
    public: type === 'public',
    address: typeof ip.ip === 'string' ? ip.ip : undefined,
    fqdn: typeof ip.fqdn === 'string' ? ip.fqdn : undefined,
    ports,
  };
}

/** The NSGs a scale set's model puts on every instance's network interfaces, scaled out or not. */
export function scaleSetNsgIdsOf(resource: ArmResource): string[] {
  return list(valueAt(resource.raw, 'properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations'))
    .map((config) => refId(config.properties.networkSecurityGroup))
    .filter((id): id is string => id !== undefined);
}

/**
 * The scale set a resource id lies under, and the instance, for the ids of Uniform scale sets'
 * network interfaces and IP configurations; undefined for anything else.
 */
export function scaleSetPlaceOf(id: string): { scaleSetId: string; instance: string | undefined } | undefined {
  const match = /^(.*?\/providers\/microsoft\.compute\/virtualmachinescalesets\/[^/]+)(?:\/virtualmachines\/([^/]+))?/i.exec(id);
  return match ? { scaleSetId: match[1]!, instance: match[2] } : undefined;
}

/** One way through an application gateway: a listener's frontend port, to the backends its routing rules name. */
export interface GatewayRoute {
  readonly listenerId: string;
  readonly listenerName: string;
  readonly frontendId: string | undefined;
  /** `Http`, `Https`, or a v2 layer-4 listener's `Tcp`, `Tls`. */
  readonly protocol: string;
  readonly frontendPort: number;
  /** The listener. */
  readonly location: ConfigLocation;
  /** Why the listener's way through cannot be worked out (a port or backend settings that are not there), if so. */
  readonly unreadable: string | undefined;
  /** The pools the gateway forwards to, with the port and protocol it connects on, and the routing rule; empty for a redirect. */
  readonly backends: ReadonlyArray<{ readonly poolId: string; readonly port: number; readonly protocol: string; readonly ruleName: string; readonly location: ConfigLocation }>;
}

export interface ApplicationGateway {
  /** The subnet the gateway's instances run in: its NSG filters what reaches the listeners. */
  readonly subnetId: string | undefined;
  readonly routes: readonly GatewayRoute[];
  /** Backend pools by lower-cased id: NIC IP configurations and plain addresses or names. */
  readonly pools: ReadonlyMap<string, { readonly configIds: readonly string[]; readonly addresses: readonly string[] }>;
}

/**
 * An application gateway's listeners and where its routing rules send them: HTTP(S)
 * listeners with request routing rules (basic, or path-based through a URL path map, whose
 * default and path rules may each name a pool), and v2 layer-4 listeners with routing rules.
 */
export function applicationGatewayOf(resource: ArmResource): ApplicationGateway {
  const p = resource.properties;
  const key = (id: string | undefined): string => (id ?? '').toLowerCase();
  const idOf = (entry: { id?: string; name?: string }, collection: string, i: number): string => entry.id ?? `${resource.id}/${collection}/${entry.name ?? i}`;
  const port = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) ? value : -1);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');

  const frontendPorts = new Map(list(p.frontendPorts).map((entry, i) => [key(idOf(entry, 'frontendPorts', i)), port(entry.properties.port)]));
  const settings = new Map(
    [...list(p.backendHttpSettingsCollection).map((entry, i) => ({ entry, id: idOf(entry, 'backendHttpSettingsCollection', i) })), ...list(p.backendSettingsCollection).map((entry, i) => ({ entry, id: idOf(entry, 'backendSettingsCollection', i) }))].map(({ entry, id }) => [
      key(id),
      { port: port(entry.properties.port), protocol: text(entry.properties.protocol) },
    ]),
  );
  type Target = { pool: string | undefined; settings: string | undefined };
  const pathMaps = new Map(
    list(p.urlPathMaps).map((map, i): [string, Target[]] => [
      key(idOf(map, 'urlPathMaps', i)),
      [
        { pool: refId(map.properties.defaultBackendAddressPool), settings: refId(map.properties.defaultBackendHttpSettings) },
        ...list(map.properties.pathRules).map((rule) => ({ pool: refId(rule.properties.backendAddressPool), settings: refId(rule.properties.backendHttpSettings) })),
      ],
    ]),
  );
  const targets = new Map<string, Array<Target & { rule: string; location: ConfigLocation }>>();
  const route = (listener: string | undefined, rule: { name?: string; index: number; raw: unknown }, collection: string, found: Target[]): void => {
    if (!listener) return;
    const location = { resourceId: resource.id, path: `properties.${collection}[${rule.index}]`, value: rule.raw };
    for (const target of found) pushTo(targets, key(listener), { ...target, rule: rule.name ?? `#${rule.index}`, location });
  };
  for (const rule of list(p.requestRoutingRules)) {
    const pathMap = refId(rule.properties.urlPathMap);
    route(refId(rule.properties.httpListener), rule, 'requestRoutingRules', pathMap ? (pathMaps.get(key(pathMap)) ?? []) : [{ pool: refId(rule.properties.backendAddressPool), settings: refId(rule.properties.backendHttpSettings) }]);
  }
  for (const rule of list(p.routingRules)) route(refId(rule.properties.listener), rule, 'routingRules', [{ pool: refId(rule.properties.backendAddressPool), settings: refId(rule.properties.backendSettings) }]);

  const listeners = [
    ...list(p.httpListeners).map((entry, i) => ({ entry, id: idOf(entry, 'httpListeners', i), path: `properties.httpListeners[${entry.index}]` })),
    ...list(p.listeners).map((entry, i) => ({ entry, id: idOf(entry, 'listeners', i), path: `properties.listeners[${entry.index}]` })),
  ];
  const routes = listeners.map(({ entry, id, path }): GatewayRoute => ({
    listenerId: id,
    listenerName: entry.name ?? id,
    frontendId: refId(entry.properties.frontendIPConfiguration),
    protocol: text(entry.properties.protocol),
    frontendPort: frontendPorts.get(key(refId(entry.properties.frontendPort))) ?? -1,
    location: { resourceId: resource.id, path, value: entry.raw },
    backends: (targets.get(key(id)) ?? []).flatMap((target) => {
      const setting = settings.get(key(target.settings));
      return target.pool && setting && setting.port > 0 ? [{ poolId: target.pool, port: setting.port, protocol: setting.protocol, ruleName: target.rule, location: target.location }] : [];
    }),
    unreadable: unreadableRoute(entry.name ?? id, frontendPorts.get(key(refId(entry.properties.frontendPort))), (targets.get(key(id)) ?? []).map((target) => ({ ...target, setting: settings.get(key(target.settings)) }))),
  }));
  const pools = new Map(
    list(p.backendAddressPools).map((pool, i) => [
      key(idOf(pool, 'backendAddressPools', i)),
      {
        configIds: refIds(pool.properties.backendIPConfigurations),
        // Plain entries, not sub-resources: `{ "ipAddress": "10.0.2.4" }` or `{ "fqdn": "…" }`.
        addresses: (Array.isArray(pool.properties.backendAddresses) ? pool.properties.backendAddresses : []).filter(isJsonObject).map((address) => text(address.ipAddress) || text(address.fqdn)).filter(Boolean),
      },
    ]),
  );
  return { subnetId: refId(list(p.gatewayIPConfigurations)[0]?.properties.subnet), routes, pools };
}

/** A listener whose port, or a routing rule whose backend settings, cannot be resolved: its way through is unknown, not absent. */
function unreadableRoute(listener: string, port: number | undefined, targets: ReadonlyArray<{ pool: string | undefined; rule: string; setting: { port: number } | undefined }>): string | undefined {
  if (port === undefined || port <= 0) return `listener ${listener} has no readable frontend port`;
  const broken = targets.find((target) => target.pool !== undefined && (target.setting === undefined || target.setting.port <= 0));
  return broken ? `routing rule ${broken.rule} of listener ${listener} names backend settings that are not there or have no port` : undefined;
}
