import type { ConfigLocation } from '../model/evidence.js';
import type { TransportProtocol } from '../model/ports.js';
import { pushTo } from '../inventory/collections.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { readList, readRef, readRefs, valueAt } from './setting.js';

/**
 * The network resources that relate a public address to a workload: public IPs, network
 * interfaces and their IP configurations, virtual networks' subnets, load balancers, virtual
 * machines, scale sets, application gateways and container groups. A reference or list that
 * is present but cannot be read throws MalformedProperty (see `readRef`): the way in it would
 * add or rule out is unknown, and must not be read as absent.
 */


/** One entry of an ARM array of sub-resources, with where it sits and its raw JSON. */
interface Entry {
  readonly id?: string;
  readonly name?: string;
  readonly properties: Record<string, unknown>;
  readonly index: number;
  /** `properties.ipConfigurations[2]` */
  readonly path: string;
  readonly raw: Record<string, unknown>;
}

/**
 * The entries of an ARM array of sub-resources at `path`. Absent is empty; an entry that is
 * not an object, or whose `properties` is not one, is malformed rather than skipped: it may be
 * the rule or configuration that decides a way in.
 */
function list(value: unknown, path: string): Entry[] {
  return readList(value, path).map((entry, index) => {
    const at = `${path}[${index}]`;
    if (!isJsonObject(entry)) throw new MalformedProperty(at, 'an object', entry);
    const properties = entry.properties ?? {};
    if (!isJsonObject(properties)) throw new MalformedProperty(`${at}.properties`, 'an object', entry.properties);
    // Others refer to the entry by its id: one that is there but unreadable cannot be matched.
    if (entry.id !== undefined && entry.id !== null && (typeof entry.id !== 'string' || entry.id.trim() === '')) throw new MalformedProperty(`${at}.id`, 'a resource id', entry.id);
    return {
      ...(typeof entry.id === 'string' && entry.id !== '' ? { id: entry.id } : {}),
      ...(typeof entry.name === 'string' ? { name: entry.name } : {}),
      properties,
      index,
      path: at,
      raw: entry,
    };
  });
}

/** A reference inside an entry: `ref(entry, 'subnet')` reads `entry.properties.subnet`. */
function ref(entry: Entry, name: string): string | undefined {
  return readRef(entry.properties[name], `${entry.path}.properties.${name}`);
}

/** A reference ARM requires (a rule's frontend, a configuration's subnet): absent is malformed too, since nothing can be said without it. */
function requiredRef(entry: Entry, name: string): string {
  const id = ref(entry, name);
  if (id === undefined) throw new MalformedProperty(`${entry.path}.properties.${name}`, 'a reference {"id": "<resource id>"} (ARM requires one)', entry.properties[name]);
  return id;
}

function refs(entry: Entry, name: string): string[] {
  return readRefs(entry.properties[name], `${entry.path}.properties.${name}`);
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
    attachedTo: readRef(resource.properties.ipConfiguration, 'properties.ipConfiguration'),
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
    nsgId: readRef(resource.properties.networkSecurityGroup, 'properties.networkSecurityGroup'),
    virtualMachineId: readRef(resource.properties.virtualMachine, 'properties.virtualMachine'),
    ipConfigurations: list(resource.properties.ipConfigurations, 'properties.ipConfigurations').map((config, i) => {
      const privateIp = config.properties.privateIPAddress;
      return {
        id: config.id ?? `${resource.id}/ipConfigurations/${config.name ?? i}`,
        name: config.name ?? `#${i}`,
        privateIp: typeof privateIp === 'string' ? privateIp.split('/')[0] : undefined,
        subnetId: requiredRef(config, 'subnet'),
        publicIpId: ref(config, 'publicIPAddress'),
        backendPoolIds: [...refs(config, 'loadBalancerBackendAddressPools'), ...refs(config, 'applicationGatewayBackendAddressPools')],
        natRuleIds: refs(config, 'loadBalancerInboundNatRules'),
        applicationSecurityGroupIds: refs(config, 'applicationSecurityGroups'),
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
  return list(resource.properties.subnets, 'properties.subnets').map((subnet, i) => ({
    id: subnet.id ?? `${resource.id}/subnets/${subnet.name ?? i}`,
    name: subnet.name ?? `#${i}`,
    nsgId: ref(subnet, 'networkSecurityGroup'),
  }));
}

/**
 * A load balancer's way in: frontend ports mapped to a backend port, for a pool or one
 * configuration. A single frontend port, except for an inbound NAT rule on a pool, which maps
 * a range of frontend ports one each to the pool's members.
 */
export interface LoadBalancerForward {
  readonly kind: 'rule' | 'nat';
  readonly id: string;
  readonly name: string;
  readonly frontendId: string | undefined;
  readonly protocols: readonly TransportProtocol[];
  readonly frontendPorts: { readonly from: number; readonly to: number };
  readonly backendPort: number;
  /** For load-balancing rules and inbound NAT rules on a pool: the backend pools. */
  readonly poolIds: readonly string[];
  /** For an inbound NAT rule to one configuration: that configuration. */
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

/** A load balancer rule's or container port's protocol: `Tcp`, `Udp` or `All`; anything else is malformed. */
function protocolsOf(value: unknown, path: string): TransportProtocol[] {
  const protocol = typeof value === 'string' ? value.toLowerCase() : '';
  if (protocol === 'tcp') return ['tcp'];
  if (protocol === 'udp') return ['udp'];
  if (protocol === 'all') return ['tcp', 'udp'];
  throw new MalformedProperty(path, 'Tcp, Udp or All', value);
}

/** A port number 0–65535 (a load balancer's 0 means every port, with HA ports). */
function portAt(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535) return value;
  throw new MalformedProperty(path, 'a port number', value);
}

export function loadBalancerOf(resource: ArmResource): LoadBalancer {
  const sku = valueAt(resource.raw, 'sku.name');
  const frontends = list(resource.properties.frontendIPConfigurations, 'properties.frontendIPConfigurations').map((frontend, i) => ({
    id: frontend.id ?? `${resource.id}/frontendIPConfigurations/${frontend.name ?? i}`,
    name: frontend.name ?? `#${i}`,
    publicIpId: ref(frontend, 'publicIPAddress'),
  }));
  const forward = (rule: Entry, i: number, kind: 'rule' | 'nat', collection: string): LoadBalancerForward => {
    const at = (name: string): string => `${rule.path}.properties.${name}`;
    const single = rule.properties.frontendPort;
    // An inbound NAT rule on a pool has a frontend port range instead of one port.
    const onPool = kind === 'nat' && (single === undefined || single === null) && rule.properties.frontendPortRangeStart !== undefined;
    const from = onPool ? portAt(rule.properties.frontendPortRangeStart, at('frontendPortRangeStart')) : portAt(single, at('frontendPort'));
    const to = onPool ? portAt(rule.properties.frontendPortRangeEnd, at('frontendPortRangeEnd')) : from;
    const pool = ref(rule, 'backendAddressPool');
    return {
      location: { resourceId: resource.id, path: rule.path, value: rule.raw },
      kind,
      id: rule.id ?? `${resource.id}/${collection}/${rule.name ?? i}`,
      name: rule.name ?? `#${i}`,
      frontendId: requiredRef(rule, 'frontendIPConfiguration'),
      protocols: protocolsOf(rule.properties.protocol, at('protocol')),
      frontendPorts: { from: Math.min(from, to), to: Math.max(from, to) },
      backendPort: portAt(rule.properties.backendPort, at('backendPort')),
      poolIds: kind === 'rule' ? [...refs(rule, 'backendAddressPools'), ...(pool === undefined ? [] : [pool])] : onPool && pool !== undefined ? [pool] : [],
      backendConfigurationId: kind === 'nat' && !onPool ? ref(rule, 'backendIPConfiguration') : undefined,
    };
  };
  const rules = list(resource.properties.loadBalancingRules, 'properties.loadBalancingRules').map((rule, i) => forward(rule, i, 'rule', 'loadBalancingRules'));
  const nat = list(resource.properties.inboundNatRules, 'properties.inboundNatRules').map((rule, i) => forward(rule, i, 'nat', 'inboundNatRules'));
  const pools = new Map(
    list(resource.properties.backendAddressPools, 'properties.backendAddressPools').map((pool, i) => [
      (pool.id ?? `${resource.id}/backendAddressPools/${pool.name ?? i}`).toLowerCase(),
      refs(pool, 'backendIPConfigurations'),
    ]),
  );
  return {
    sku: typeof sku === 'string' && sku.toLowerCase() === 'standard' ? 'Standard' : 'Basic',
    frontends,
    // Port 0 is HA ports, which only internal load balancers have: no way in from the internet.
    forwards: [...rules, ...nat].filter((forward) => forward.frontendPorts.to > 0 && forward.backendPort > 0),
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
  const ip = resource.properties.ipAddress;
  if (ip === undefined || ip === null) return { public: false, address: undefined, fqdn: undefined, ports: [] };
  if (!isJsonObject(ip)) throw new MalformedProperty('properties.ipAddress', 'an object', ip);
  if (typeof ip.type !== 'string') throw new MalformedProperty('properties.ipAddress.type', 'Public or Private', ip.type);
  const ports = readList(ip.ports, 'properties.ipAddress.ports').map((entry, i) => {
    const at = `properties.ipAddress.ports[${i}]`;
    if (!isJsonObject(entry)) throw new MalformedProperty(at, 'an object', entry);
    // ARM's default protocol for a container group port is TCP.
    const protocols: TransportProtocol[] = entry.protocol === undefined || entry.protocol === null ? ['tcp'] : protocolsOf(entry.protocol, `${at}.protocol`);
    return { port: portAt(entry.port, `${at}.port`), protocols };
  });
  return {
    public: ip.type.toLowerCase() === 'public',
    address: typeof ip.ip === 'string' ? ip.ip : undefined,
    fqdn: typeof ip.fqdn === 'string' ? ip.fqdn : undefined,
    ports,
  };
}

/** The NSGs a scale set's model puts on every instance's network interfaces, scaled out or not. */
export function scaleSetNsgIdsOf(resource: ArmResource): string[] {
  const path = 'properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations';
  return list(valueAt(resource.raw, path), path)
    .map((config) => ref(config, 'networkSecurityGroup'))
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
  /** Its frontend IP configurations' ids, lower-cased: what listeners and public IPs name. */
  readonly frontendIds: ReadonlySet<string>;
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
  const idOf = (entry: Entry, collection: string, i: number): string => entry.id ?? `${resource.id}/${collection}/${entry.name ?? i}`;
  // A port that cannot be read is -1: the listener or backend settings it belongs to is reported unreadable below.
  const port = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) ? value : -1);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const entries = (name: string, value: unknown = p[name]): Entry[] => list(value, `properties.${name}`);

  const frontendPorts = new Map(entries('frontendPorts').map((entry, i) => [key(idOf(entry, 'frontendPorts', i)), port(entry.properties.port)]));
  const settings = new Map(
    [...entries('backendHttpSettingsCollection').map((entry, i) => ({ entry, id: idOf(entry, 'backendHttpSettingsCollection', i) })), ...entries('backendSettingsCollection').map((entry, i) => ({ entry, id: idOf(entry, 'backendSettingsCollection', i) }))].map(({ entry, id }) => [
      key(id),
      { port: port(entry.properties.port), protocol: text(entry.properties.protocol) },
    ]),
  );
  type Target = { pool: string | undefined; settings: string | undefined; missing?: string };
  const pathMaps = new Map(
    entries('urlPathMaps').map((map, i): [string, Target[]] => [
      key(idOf(map, 'urlPathMaps', i)),
      [
        { pool: ref(map, 'defaultBackendAddressPool'), settings: ref(map, 'defaultBackendHttpSettings') },
        ...list(map.properties.pathRules, `${map.path}.properties.pathRules`).map((rule) => ({ pool: ref(rule, 'backendAddressPool'), settings: ref(rule, 'backendHttpSettings') })),
      ],
    ]),
  );
  const targets = new Map<string, Array<Target & { rule: string; location: ConfigLocation }>>();
  const pathMapTargets = (rule: Entry, pathMap: string): Target[] => {
    const found = pathMaps.get(key(pathMap));
    // A path map the gateway does not have: where the rule sends traffic is unknown, not nowhere.
    return found ?? [{ pool: undefined, settings: undefined, missing: `names URL path map ${pathMap}, which the gateway does not have` }];
  };
  const route = (listener: string | undefined, rule: Entry, found: Target[]): void => {
    if (!listener) return;
    const location = { resourceId: resource.id, path: rule.path, value: rule.raw };
    for (const target of found) pushTo(targets, key(listener), { ...target, rule: rule.name ?? `#${rule.index}`, location });
  };
  for (const rule of entries('requestRoutingRules')) {
    const pathMap = ref(rule, 'urlPathMap');
    route(requiredRef(rule, 'httpListener'), rule, pathMap ? pathMapTargets(rule, pathMap) : [{ pool: ref(rule, 'backendAddressPool'), settings: ref(rule, 'backendHttpSettings') }]);
  }
  for (const rule of entries('routingRules')) route(requiredRef(rule, 'listener'), rule, [{ pool: ref(rule, 'backendAddressPool'), settings: ref(rule, 'backendSettings') }]);

  const poolEntries = entries('backendAddressPools').map((pool, i) => ({ pool, id: key(idOf(pool, 'backendAddressPools', i)) }));
  const poolIds = new Set(poolEntries.map(({ id }) => id));
  const listeners = [
    ...entries('httpListeners').map((entry, i) => ({ entry, id: idOf(entry, 'httpListeners', i) })),
    ...entries('listeners').map((entry, i) => ({ entry, id: idOf(entry, 'listeners', i) })),
  ];
  const routes = listeners.map(({ entry, id }): GatewayRoute => {
    const frontendPort = frontendPorts.get(key(ref(entry, 'frontendPort')));
    const routed = targets.get(key(id)) ?? [];
    return {
      listenerId: id,
      listenerName: entry.name ?? id,
      frontendId: requiredRef(entry, 'frontendIPConfiguration'),
      protocol: text(entry.properties.protocol),
      frontendPort: frontendPort ?? -1,
      location: { resourceId: resource.id, path: entry.path, value: entry.raw },
      backends: routed.flatMap((target) => {
        const setting = settings.get(key(target.settings));
        return target.pool && setting && setting.port > 0 ? [{ poolId: target.pool, port: setting.port, protocol: setting.protocol, ruleName: target.rule, location: target.location }] : [];
      }),
      unreadable: unreadableRoute(entry.name ?? id, frontendPort, routed.map((target) => ({ ...target, setting: settings.get(key(target.settings)) })), (pool) => poolIds.has(key(pool))),
    };
  });
  const pools = new Map(
    poolEntries.map(({ pool, id }) => [
      id,
      {
        configIds: refs(pool, 'backendIPConfigurations'),
        // Plain entries, not sub-resources: `{ "ipAddress": "10.0.2.4" }` or `{ "fqdn": "…" }`.
        addresses: readList(pool.properties.backendAddresses, `${pool.path}.properties.backendAddresses`).map((address, j) => {
          const name = isJsonObject(address) ? text(address.ipAddress) || text(address.fqdn) : '';
          if (name === '') throw new MalformedProperty(`${pool.path}.properties.backendAddresses[${j}]`, 'an object with ipAddress or fqdn', address);
          return name;
        }),
      },
    ]),
  );
  const gatewayConfigurations = entries('gatewayIPConfigurations');
  const frontendIds = new Set(entries('frontendIPConfigurations').map((frontend, i) => key(idOf(frontend, 'frontendIPConfigurations', i))));
  return { subnetId: gatewayConfigurations[0] ? ref(gatewayConfigurations[0], 'subnet') : undefined, frontendIds, routes, pools };
}

/**
 * A listener whose port, or a routing rule whose URL path map, backend pool or backend
 * settings, cannot be resolved within the gateway: its way through is unknown, not absent.
 */
function unreadableRoute(
  listener: string,
  port: number | undefined,
  targets: ReadonlyArray<{ pool: string | undefined; rule: string; setting: { port: number } | undefined; missing?: string }>,
  hasPool: (id: string) => boolean,
): string | undefined {
  if (port === undefined || port <= 0) return `listener ${listener} has no readable frontend port`;
  const missing = targets.find((target) => target.missing !== undefined);
  if (missing) return `routing rule ${missing.rule} of listener ${listener} ${missing.missing}`;
  const noPool = targets.find((target) => target.pool !== undefined && !hasPool(target.pool));
  if (noPool) return `routing rule ${noPool.rule} of listener ${listener} names backend pool ${noPool.pool}, which the gateway does not have`;
  const broken = targets.find((target) => target.pool !== undefined && (target.setting === undefined || target.setting.port <= 0));
  return broken ? `routing rule ${broken.rule} of listener ${listener} names backend settings that are not there or have no port` : undefined;
}
