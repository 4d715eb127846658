import type { Endpoint } from '../../model/exposure.js';
import type { Inventory } from '../../inventory/inventory.js';
import type { ArmResource } from '../../inventory/types.js';

/**
 * What following a way in from the internet ends in, shared by every way in: the endpoints a
 * public IP leads to, or the data that was needed and is not known, which stops the verdict
 * rather than being read as "no way in".
 */

/** What a public IP leads to, or why that cannot be said. */
export type FrontendVerdict =
  | { readonly status: 'reachable' | 'closed'; readonly endpoints: readonly Endpoint[] }
  | { readonly status: 'unattached' }
  | { readonly status: 'other'; readonly attachedTo: string }
  | { readonly status: 'unknown'; readonly code: string; readonly reason: string };

/** Data that was needed and is not known, stopping one verdict. */
export class Unknown extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** An Unknown for a referenced resource that is not in the inventory: not read, or gone. */
export function missing(inventory: Inventory, type: string, id: string, from: ArmResource): Unknown {
  const listed = inventory.resourcesIn(from.subscriptionId ?? '', type);
  if ('reason' in listed) return new Unknown(listed.code, `${type} ${lastName(id)}: ${listed.reason}`);
  return new Unknown('DanglingReference', `${from.name} refers to ${id}, which the scan did not find`);
}

export function lastName(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
