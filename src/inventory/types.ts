/** The shapes held in the inventory: ARM REST JSON, plus what could not be read. */

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One ARM resource as the REST API returns it, with its lookup keys worked out once. */
export interface ArmResource {
  /** The id as ARM wrote it, kept for display. */
  readonly id: string;
  /** `idKey(id)`: what every lookup compares. */
  readonly key: string;
  readonly type: string;
  /** `typeKey(type)`. */
  readonly typeKey: string;
  readonly name: string;
  readonly subscriptionId: string | undefined;
  readonly resourceGroup: string | undefined;
  /** Key of the containing resource (children) or the target (extension resources). */
  readonly parentKey: string | undefined;
  readonly location: string | undefined;
  readonly kind: string | undefined;
  readonly properties: JsonObject;
  /** The ARM object as read, for rules that need `sku`, `tags` or other top-level fields. */
  readonly raw: JsonObject;
}

/** A read that failed during collection, as recorded in a snapshot's `errors`. */
export interface CollectionError {
  /** The subscription or resource id that was being read. */
  readonly scope: string;
  /** The resource type that was being read; absent when everything under `scope` failed. */
  readonly resourceType?: string;
  /** The ARM error code (`AuthorizationFailed`) or network error (`ECONNRESET`). */
  readonly code: string;
  readonly message: string;
}

/** An input resource that could not be used, with where it was and why. */
export interface MalformedResource {
  /** Where in the input: `resources[17]`. */
  readonly location: string;
  readonly resourceId?: string;
  readonly resourceType?: string;
  /** Why, as a code: `MalformedResource` unless said otherwise (`ConflictingCopies`). */
  readonly code?: string;
  readonly reason: string;
}

export interface SubscriptionInfo {
  readonly subscriptionId: string;
  readonly displayName?: string;
  readonly state?: string;
}

export interface InventorySource {
  /** `snapshot` for a snapshot document, `array` for a bare array of resources, `live` for a live read. */
  readonly kind: 'snapshot' | 'array' | 'live';
  readonly path?: string;
  readonly tenantId?: string;
  readonly collectedAt?: string;
  /**
   * Where a live read listed top-level resources from: ARM's lists, Resource Graph (whose data
   * can lag ARM's), or both (`mixed`: some Graph queries failed, and those subscriptions were
   * listed through ARM, as `inventoryFallback` says). Absent from snapshots older than the flag.
   */
  readonly inventory?: InventoryKind;
  /** When Resource Graph was first queried, when it was. */
  readonly inventoryQueriedAt?: string;
  readonly inventoryFallback?: readonly InventoryFallback[];
}

export const INVENTORY_KINDS = ['arm', 'resource-graph', 'mixed'] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

/** A subscription whose top-level resources were listed through ARM because its Resource Graph query failed, and why. */
export interface InventoryFallback {
  readonly subscriptionId: string;
  readonly code: string;
  readonly message: string;
}
