import { NIC_TYPE, SCALE_SET_TYPE } from '../../inventory/arm-types.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { ArmResource } from '../../inventory/types.js';
import { scaleSetNsgIdsOf, scaleSetPlaceOf } from '../scale-set.js';
import { lastName, missing, Unknown } from './verdict.js';

/**
 * Uniform scale sets. Their instances' network interfaces
 * (…/virtualMachineScaleSets/web/virtualMachines/0/networkInterfaces/…) carry public IPs and
 * sit in load balancer pools like a virtual machine's, and are followed the same way; but they
 * are read per scale set, so one the scan does not have may be unread rather than gone, and
 * they lead to the instance (`web_0`). The NSG on a scale set's model guards every instance,
 * including those not scaled out yet.
 */

/** Reads a view of a resource; undefined, with the resource recorded as unreadable, when it cannot be read. */
export type RecordingReader = <T>(resource: ArmResource, what: string, read: (resource: ArmResource) => T) => T | undefined;

/** The NSGs scale sets' models attach to every instance, including those not scaled out yet. */
export function scaleSetModelNsgIds(inventory: Inventory, readOrRecord: RecordingReader): string[] {
  return inventory.ofType(SCALE_SET_TYPE).flatMap((scaleSet) => readOrRecord(scaleSet, 'scale set', scaleSetNsgIdsOf) ?? []);
}

/**
 * Why a scale set instance's interface that is not in the inventory is unknown, when its
 * scale set, or that scale set's interfaces, could not be read; undefined for another id.
 */
export function unreadInstanceInterface(inventory: Inventory, nicId: string, from: ArmResource): Unknown | undefined {
  const scaleSet = scaleSetPlaceOf(nicId);
  if (!scaleSet) return undefined;
  // Read per scale set: the scale set list, or that scale set's interfaces, may have failed.
  if (!inventory.get(scaleSet.scaleSetId)) return missing(inventory, SCALE_SET_TYPE, scaleSet.scaleSetId, from);
  const unavailable = inventory.unavailable(scaleSet.scaleSetId, NIC_TYPE);
  if (unavailable) return new Unknown(unavailable.code, `${NIC_TYPE} of scale set ${lastName(scaleSet.scaleSetId)}: ${unavailable.reason}`);
  return undefined;
}

/** A scale set instance as Azure names it (`web_0`); another virtual machine by its name. */
export function instanceName(vmId: string): string {
  const place = scaleSetPlaceOf(vmId);
  return place?.instance === undefined ? lastName(vmId) : `${lastName(place.scaleSetId)}_${place.instance}`;
}
