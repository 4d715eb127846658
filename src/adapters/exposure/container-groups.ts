import type { Endpoint } from '../../model/exposure.js';
import { PortSet } from '../../model/ports.js';
import type { ArmResource } from '../../inventory/types.js';
import { containerGroupAddressOf } from '../container-group.js';

/**
 * A container group with a public address: it publishes its ports straight to the internet,
 * with no NSG in front, so every port it lists is reached on the group itself.
 */

/** The endpoints a public container group publishes; it has no NSG in front. Throws NotEvaluated when its address cannot be read. */
export function containerGroupEndpoints(group: ArmResource): Endpoint[] {
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
