import type { ConfigLocation } from '../model/evidence.js';
import type { TransportProtocol } from '../model/ports.js';
import type { ArmResource } from '../inventory/types.js';
import { valueAt } from './setting.js';
import { list, portAt, protocolsOf, ref, refs, requiredRef, type Entry } from './network-entries.js';

/** A load balancer: its frontends, its load-balancing and inbound NAT rules, and its backend pools. */

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
