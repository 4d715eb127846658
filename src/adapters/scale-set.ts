import type { ArmResource } from '../inventory/types.js';
import { valueAt } from './setting.js';
import { list, ref } from './network-entries.js';

/** Virtual machine scale sets: the NSGs their model puts on every instance, and where an id lies under one. */

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
