import type { ArmResource } from '../inventory/types.js';
import { readRef, valueAt } from './setting.js';

/** A public IP address: the address, its SKU and the IP configuration it is attached to. */

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
