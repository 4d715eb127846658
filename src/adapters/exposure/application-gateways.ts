import type { Endpoint, PathStep } from '../../model/exposure.js';
import { PortSet } from '../../model/ports.js';
import { APPLICATION_GATEWAY_TYPE } from '../../inventory/arm-types.js';
import { idKey, parseArmId } from '../../inventory/arm-id.js';
import type { ArmResource } from '../../inventory/types.js';
import { applicationGatewayOf } from '../application-gateway.js';
import { nsgExposure } from '../nsg-exposure.js';
import type { NetworkIndex } from './network-index.js';
import { Unknown, type FrontendVerdict } from './verdict.js';

/**
 * An application gateway's public frontend: each listener on it whose port the gateway
 * subnet's NSG admits (without one, every listener: a gateway is there to be reached), to
 * the backends of its routing rules on the port the gateway connects on. The backends' own
 * NSGs are not applied: the gateway connects from its subnet, which they admit by default.
 */

/** What a public IP on an application gateway frontend reaches, listener by listener. */
export function followApplicationGateway(index: NetworkIndex, pip: ArmResource, frontendId: string, address: string, pipStep: PathStep): FrontendVerdict {
  const gatewayId = parseArmId(frontendId).parentId!;
  const resource = index.inventory.get(gatewayId);
  if (!resource) throw index.missing(APPLICATION_GATEWAY_TYPE, gatewayId, pip);
  const gateway = index.view(resource, 'application gateway', applicationGatewayOf);
  const subnetNsg = gateway.subnetId ? index.subnetNsgOf(gateway.subnetId, resource) : undefined;
  const admitted = subnetNsg ? index.view(subnetNsg, 'NSG', nsgExposure) : undefined;
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
      for (const member of index.poolMembersOf(pool?.configIds ?? [], backend.poolId, resource)) {
        const target = index.configOrUnknown(member, pip);
        const behind = index.workloadBehind(target.nic);
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
