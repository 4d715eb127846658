import type { ArmResource } from '../inventory/types.js';
import { list, ref } from './network-entries.js';

/** A virtual network's subnets and the NSG on each. */

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
