import type { Endpoint, PathStep } from '../../model/exposure.js';
import { PortSet } from '../../model/ports.js';
import { LOAD_BALANCER_TYPE } from '../../inventory/arm-types.js';
import { idKey, parseArmId } from '../../inventory/arm-id.js';
import type { ArmResource } from '../../inventory/types.js';
import { loadBalancerOf, type LoadBalancer } from '../load-balancer.js';
import type { NetworkIndex } from './network-index.js';
import { allowance, endpointThroughNsgs } from './nsg-path.js';
import { Unknown, type FrontendVerdict } from './verdict.js';

/**
 * A public load balancer's frontend: its load-balancing rules and inbound NAT rules on that
 * frontend forward ports to the members of a backend pool (as the load balancer lists them and
 * as interfaces name the pool) or to one IP configuration. Each member is then reached through
 * its subnet's NSG and its interface's, as an interface's own public IP would be; with neither,
 * a Basic load balancer is open and a Standard one closed.
 */

/** What a public IP on a load balancer frontend reaches, rule by rule. */
export function followLoadBalancer(index: NetworkIndex, pip: ArmResource, frontendId: string, address: string, pipStep: PathStep): FrontendVerdict {
  const lbId = parseArmId(frontendId).parentId!;
  const lbResource = index.inventory.get(lbId);
  if (!lbResource) throw index.missing(LOAD_BALANCER_TYPE, lbId, pip);
  const lb = index.view(lbResource, 'load balancer', loadBalancerOf);
  const lbStep = { kind: 'load-balancer' as const, id: lbResource.id, name: lbResource.name };
  const endpoints: Endpoint[] = [];
  const frontends = new Set(lb.frontends.map((frontend) => idKey(frontend.id)));
  for (const forward of lb.forwards) {
    // A rule on a frontend the load balancer does not have might be meant for this address.
    if (!forward.frontendId || !frontends.has(idKey(forward.frontendId))) {
      throw new Unknown('DanglingReference', `load balancer ${lbResource.name}: ${forward.kind === 'nat' ? 'NAT rule' : 'rule'} ${forward.name} names frontend ${forward.frontendId}, which it does not have`);
    }
    if (idKey(forward.frontendId) !== idKey(frontendId)) continue;
    const members = forward.backendConfigurationId ? [forward.backendConfigurationId] : forward.poolIds.flatMap((pool) => index.poolMembersOf(poolOf(lb.pools, pool, lbResource), pool, lbResource));
    const frontendPorts = PortSet.of([forward.frontendPorts]);
    const seen = new Set<string>();
    for (const member of members) {
      if (seen.has(idKey(member))) continue;
      seen.add(idKey(member));
      const target = index.configOrUnknown(member, pip);
      const admitted = allowance(index, target, lb.sku === 'Standard');
      for (const protocol of forward.protocols) {
        if (!admitted.ports[protocol].has(forward.backendPort)) continue;
        const detail = `${protocol.toUpperCase()} ${frontendPorts.toString()} → ${forward.backendPort} (${forward.kind === 'nat' ? 'NAT rule' : 'rule'} ${forward.name})`;
        endpoints.push(
          endpointThroughNsgs(index, address, protocol, frontendPorts, PortSet.single(forward.backendPort), pip.id, target, [pipStep, { ...lbStep, detail }, ...admitted.steps], admitted, protocol, [forward.location]),
        );
      }
    }
  }
  return { status: endpoints.length > 0 ? 'reachable' : 'closed', endpoints };
}

/**
 * The IP configurations, by key, that a rule on a public frontend of some load balancer
 * forwards to. A load balancer, or a pool, whose members cannot be known is left out: its
 * public IPs are unknown, and the graph says so for the subscription.
 */
export function configsBehindPublicLoadBalancers(index: NetworkIndex): string[] {
  const keys: string[] = [];
  for (const lbResource of index.inventory.ofType(LOAD_BALANCER_TYPE)) {
    let lb: LoadBalancer;
    let members: (pool: string) => string[];
    try {
      lb = index.view(lbResource, 'load balancer', loadBalancerOf);
      members = (pool) => index.poolMembersOf(poolOf(lb.pools, pool, lbResource), pool, lbResource);
    } catch (error) {
      // Its public IPs are unknown, and the graph's hasUnknownIn says so for the subscription.
      if (error instanceof Unknown) continue;
      throw error;
    }
    const publicFrontends = new Set(lb.frontends.filter((frontend) => frontend.publicIpId).map((frontend) => idKey(frontend.id)));
    for (const forward of lb.forwards) {
      if (!forward.frontendId || !publicFrontends.has(idKey(forward.frontendId))) continue;
      if (forward.backendConfigurationId) keys.push(idKey(forward.backendConfigurationId));
      for (const pool of forward.poolIds) {
        let found: string[];
        try {
          found = members(pool);
        } catch (error) {
          if (error instanceof Unknown) continue;
          throw error;
        }
        for (const member of found) keys.push(idKey(member));
      }
    }
  }
  return keys;
}

/** The members a load balancer lists for one of its pools; a pool it does not have is a dangling reference. */
function poolOf(pools: ReadonlyMap<string, readonly string[]>, poolId: string, owner: ArmResource): readonly string[] {
  const listed = pools.get(idKey(poolId));
  if (listed === undefined) throw new Unknown('DanglingReference', `${owner.name} forwards to backend pool ${poolId}, which it does not have`);
  return listed;
}
