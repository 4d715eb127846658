import { createHash } from 'node:crypto';
import { InputError } from './errors.js';
import { describeJson } from './resource.js';
import { readSnapshotHeader, ResourceReading, SNAPSHOT_SCHEMA_VERSION } from './snapshot.js';
import { isJsonObject, type CollectionError, type InventorySource, type SubscriptionInfo } from './types.js';

/**
 * A snapshot folder (`collect --output DIR`): one snapshot document per subscription, and this
 * manifest beside them saying which subscriptions are in scope and whose part is complete.
 */
export const MANIFEST_NAME = 'azscan-snapshot.json';
/** Marks the manifest, so that it is not mistaken for a snapshot of its own. */
export const MANIFEST_FORMAT = 'azscan-snapshot-parts';

export type PartState = 'complete' | 'incomplete';

export interface ManifestSubscription extends SubscriptionInfo {
  /** Absent for a subscription that is not read (Disabled, not visible): it has no part. */
  readonly part?: { readonly file: string; readonly state: PartState };
}

export interface SnapshotManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly schemaVersion: number;
  readonly tenantId?: string;
  readonly collectedAt: string;
  readonly collected: readonly string[];
  readonly subscriptions: readonly ManifestSubscription[];
  /** Where the last collection listed top-level resources from; the parts do not say. */
  readonly inventorySource: Pick<InventorySource, 'inventory' | 'inventoryQueriedAt' | 'inventoryFallback'>;
  /** Failed reads that belong to no part: a subscription asked for that the credential cannot see. */
  readonly errors: readonly CollectionError[];
}

/**
 * The part's file name: the subscription id where it is a plain name (ARM's are GUIDs), else a
 * digest of it, so that no id from ARM can name a file outside the folder.
 */
export function partFileName(subscriptionId: string): string {
  if (/^[0-9A-Za-z][0-9A-Za-z._-]{0,99}$/.test(subscriptionId) && subscriptionId !== MANIFEST_NAME.replace(/\.json$/, '')) return `${subscriptionId}.json`;
  return `subscription-${createHash('sha256').update(subscriptionId).digest('hex').slice(0, 32)}.json`;
}

/** A part's file name as the manifest gives it: a plain name in the folder, nothing else. */
function isPlainPartName(name: string): boolean {
  return /^[0-9A-Za-z][0-9A-Za-z._-]{0,140}\.json$/.test(name) && name !== MANIFEST_NAME;
}

/** Checks a parsed manifest, failing with the file and the path of what is wrong. */
export function readManifest(document: unknown, path: string): SnapshotManifest {
  const wrong = (where: string, expected: string, value: unknown): InputError =>
    new InputError(`${path}: ${where}: expected ${expected}, found ${value === undefined ? 'nothing' : describeJson(value)}`);
  if (!isJsonObject(document) || document.format !== MANIFEST_FORMAT) {
    throw new InputError(`${path}: not a snapshot folder's manifest (expected "format": "${MANIFEST_FORMAT}")`);
  }
  // The header fields are those of a snapshot document, and are checked as one's are.
  const header = readSnapshotHeader({ ...document, resources: [] }, path, new ResourceReading(), false);
  if (header.collectedAt === undefined) throw wrong('collectedAt', 'a string', undefined);
  const listed = Array.isArray(document.subscriptions) ? document.subscriptions : [];
  const subscriptions = header.subscriptions.map((subscription, i): ManifestSubscription => {
    const part = (listed[i] as Record<string, unknown>).part;
    if (part === undefined || part === null) return subscription;
    if (!isJsonObject(part)) throw wrong(`subscriptions[${i}].part`, 'an object', part);
    if (typeof part.file !== 'string' || !isPlainPartName(part.file)) throw wrong(`subscriptions[${i}].part.file`, "a file name in the folder ending '.json'", part.file);
    if (part.state !== 'complete' && part.state !== 'incomplete') throw wrong(`subscriptions[${i}].part.state`, '"complete" or "incomplete"', part.state);
    return { ...subscription, part: { file: part.file, state: part.state } };
  });
  const files = new Set<string>();
  for (const subscription of subscriptions) {
    const file = subscription.part?.file.toLowerCase();
    if (file === undefined) continue;
    if (files.has(file)) throw new InputError(`${path}: the part ${subscription.part!.file} is listed for two subscriptions`);
    files.add(file);
  }
  return {
    format: MANIFEST_FORMAT,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    ...(header.tenantId === undefined ? {} : { tenantId: header.tenantId }),
    collectedAt: header.collectedAt,
    collected: header.collected,
    subscriptions,
    errors: header.errors,
    inventorySource: header.inventorySource,
  };
}

/** Whether two lists of collected reads are the same reads (in any order, as types compare). */
export function sameCollected(a: readonly string[], b: readonly string[]): boolean {
  const key = (list: readonly string[]): string => [...new Set(list.map((entry) => entry.toLowerCase()))].sort().join('\n');
  return key(a) === key(b);
}
