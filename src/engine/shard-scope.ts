import { SUBSCRIPTION_TYPE } from '../inventory/arm-types.js';
import { idKey, parseArmId, typeKey } from '../inventory/arm-id.js';
import type { Inventory } from '../inventory/inventory.js';
import type { ShardAssignment } from '../inventory/shard.js';
import type { ArmResource, CollectionError, MalformedResource } from '../inventory/types.js';
import type { InputOrder } from '../model/result.js';

/** `--shard I/N` as the engine takes it. */
export interface ScanShard {
  /** 1-based. */
  readonly index: number;
  readonly assignment: ShardAssignment;
  /** See selectionHash. */
  readonly selectionHash: string;
}

const SUBSCRIPTION_KEY = typeKey(SUBSCRIPTION_TYPE);

/**
 * What one shard owns, and where what it reports falls in the unsharded scan's order.
 *
 * A shard owns the resources, failed reads and malformed entries of its subscriptions; what
 * belongs to no subscription (a tenant-level read) is shard 1's, so exactly one shard reports
 * it. Every other resource stays in the inventory for lookups (a NIC's VNet in another
 * subscription) and yields no outcome here.
 *
 * Order keys: a snapshot shard reads the whole file, so an item's position in it (or in the
 * list the unsharded scan would build from it) is the same in every shard. A live shard holds
 * only part of the estate, so its keys are what a live collection sorts by (resource ids, then
 * the subscriptions, by id; failed reads by scope and type).
 */
export class ShardScope {
  /** True when positions in the inventory are the same in every shard (a snapshot). */
  readonly byPosition: boolean;

  constructor(
    readonly shard: ScanShard,
    inventory: Inventory,
  ) {
    this.byPosition = inventory.source.kind !== 'live';
  }

  ownsSubscription(subscriptionId: string | undefined): boolean {
    if (subscriptionId === undefined || subscriptionId.trim() === '') return this.shard.index === 1;
    return this.shard.assignment.shardOf(subscriptionId) === this.shard.index;
  }

  ownsResource(resource: ArmResource): boolean {
    return this.ownsSubscription(resource.subscriptionId);
  }

  ownsScope(scope: string): boolean {
    return this.ownsSubscription(parseArmId(scope).subscriptionId);
  }

  ownsMalformed(bad: MalformedResource): boolean {
    return this.ownsSubscription(bad.resourceId === undefined ? undefined : parseArmId(bad.resourceId).subscriptionId);
  }

  /** The evaluated resource's place, shared by its findings and its not-evaluated entries. */
  resourceOrder(resource: ArmResource, position: number): InputOrder {
    if (this.byPosition) return [0, position];
    // A live inventory lists the collected resources by id, then the subscriptions it adds.
    return resource.typeKey === SUBSCRIPTION_KEY ? [0, 1, resource.key] : [0, 0, resource.key];
  }

  /** A failed read of a rule's own type: `sequence` counts them across every shard's (a snapshot). */
  unreadOrder(sequence: number, ruleIndex: number, failure: { scope: string; resourceType?: string }): InputOrder {
    return this.byPosition ? [1, sequence] : [1, ruleIndex, `${idKey(failure.scope)}|${failure.resourceType ?? ''}`];
  }

  malformedOrder(bad: MalformedResource, position: number): InputOrder {
    return this.byPosition ? [2, position] : [2, bad.resourceId === undefined ? bad.location : idKey(bad.resourceId)];
  }

  errorOrder(error: CollectionError, position: number): InputOrder {
    return this.byPosition ? [position] : [`${idKey(error.scope)}|${error.resourceType ?? ''}`];
  }

  subscriptionOrder(subscriptionId: string, position: number): InputOrder {
    return this.byPosition ? [position] : [subscriptionId.trim().toLowerCase()];
  }
}

/** Compares two order keys element by element: numbers as numbers, anything else as text. */
export function compareInputOrder(a: InputOrder, b: InputOrder): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = String(x);
    const sy = String(y);
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return a.length - b.length;
}
