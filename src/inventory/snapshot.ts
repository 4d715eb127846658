import { InputError } from './errors.js';
import { Inventory } from './inventory.js';
import { SUBSCRIPTION_TYPE } from './arm-types.js';
import { isScannedState } from './subscriptions.js';
import { mergeCopies, type CopyConflict, type ReadCopy } from './duplicates.js';
import { findJsonSyntaxError } from './json-error.js';
import { describeJson, isMalformed, toArmResource } from './resource.js';
import {
  INVENTORY_KINDS,
  isJsonObject,
  type ArmResource,
  type InventoryFallback,
  type InventoryKind,
  type InventorySource,
  type CollectionError,
  type JsonObject,
  type MalformedResource,
  type SubscriptionInfo,
} from './types.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** JSON.parse with an error that says where the text broke, as line and column. */
export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (!found) throw new InputError(`${path}: not valid JSON: ${(error as Error).message}`);
    throw new InputError(`${path}: not valid JSON at line ${found.line}, column ${found.column}: ${found.message}`);
  }
}

/**
 * Builds an inventory from a parsed snapshot document or bare resource array. A live scan
 * builds its inventory from the snapshot it collected (`live`), so that scanning that
 * snapshot later reports exactly what the live scan did.
 */
export function inventoryFromSnapshot(document: unknown, path: string, live = false): Inventory {
  if (Array.isArray(document)) {
    const reading = new ResourceReading();
    for (const item of document) reading.add(item);
    return inventoryFromArray(reading, path, live);
  }
  const reading = new ResourceReading();
  const header = readSnapshotHeader(document, path, reading, false);
  return inventoryFromParts(header, reading, path, live);
}

/** A bare array of resources, read into `reading`. */
export function inventoryFromArray(reading: ResourceReading, path: string, live = false): Inventory {
  const { resources, malformed } = reading.finish(path, live);
  return new Inventory({ source: { kind: 'array', path }, resources: withSubscriptions(resources, []), malformed });
}

/** What a snapshot document says besides its resources. */
export interface SnapshotHeader {
  readonly tenantId: string | undefined;
  readonly collectedAt: string | undefined;
  readonly collected: readonly string[];
  readonly errors: readonly CollectionError[];
  readonly subscriptions: readonly SubscriptionInfo[];
  /** Where a live read listed its resources from (Resource Graph or ARM), when the snapshot says. */
  readonly inventorySource: Pick<InventorySource, 'inventory' | 'inventoryQueriedAt' | 'inventoryFallback'>;
}

/**
 * Checks a snapshot document's fields. Its resources go into `reading`: from the document's
 * `resources`, or, when `streamed`, already read there one by one (the document then has no
 * `resources` of its own, unless a later `resources` that is not an array replaced them).
 */
export function readSnapshotHeader(document: unknown, path: string, reading: ResourceReading, streamed: boolean): SnapshotHeader {
  if (!isJsonObject(document)) {
    throw new InputError(`${path}: expected a snapshot object or an array of ARM resources, found ${describeJson(document)}`);
  }
  const version = document.schemaVersion;
  if (version === undefined) {
    throw new InputError(`${path}: not an azscan snapshot: no schemaVersion (expected a snapshot object with schemaVersion ${SNAPSHOT_SCHEMA_VERSION}, or an array of ARM resources)`);
  }
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new InputError(`${path}: unsupported schemaVersion ${JSON.stringify(version)}; this azscan reads schemaVersion ${SNAPSHOT_SCHEMA_VERSION}`);
  }
  const field = new FieldReader(document, path);
  if (!streamed) for (const item of field.array('resources', true)) reading.add(item);
  return {
    subscriptions: field.array('subscriptions', false).map((entry, i) => readSubscription(field, entry, `subscriptions[${i}]`)),
    tenantId: field.optionalString('tenantId'),
    collectedAt: field.optionalString('collectedAt'),
    collected: field.array('collected', false).map((entry, i) => field.stringAt(entry, `collected[${i}]`)),
    errors: field.array('errors', false).map((entry, i) => readError(field, entry, `errors[${i}]`)),
    inventorySource: readInventorySource(field),
  };
}

/** The inventory of a snapshot: its header, and the resources read into `reading`. */
export function inventoryFromParts(header: SnapshotHeader, reading: ResourceReading, path: string, live = false): Inventory {
  const { resources: read, malformed } = reading.finish(path, live);
  return new Inventory({
    source: {
      kind: live ? 'live' : 'snapshot',
      ...(live ? {} : { path }),
      tenantId: header.tenantId,
      collectedAt: header.collectedAt,
      ...header.inventorySource,
    },
    resources: withSubscriptions(read, header.subscriptions),
    malformed,
    collected: header.collected,
    errors: header.errors,
    subscriptions: header.subscriptions,
  });
}

/**
 * Subscriptions as resources, so that rules about a subscription as a whole (its activity
 * log alerts, its Defender plans) have something to evaluate. From the snapshot's list when it
 * has one (skipped subscriptions left out), else from the subscriptions the resource ids name.
 */
function withSubscriptions(resources: ArmResource[], listed: readonly SubscriptionInfo[]): ArmResource[] {
  const present = new Set(resources.map((resource) => resource.key));
  const ids = listed.length > 0
    ? listed.filter((sub) => isScannedState(sub.state)).map((sub) => sub.subscriptionId)
    : [...new Set(resources.flatMap((resource) => (resource.subscriptionId ? [resource.subscriptionId] : [])))];
  const added: ArmResource[] = [];
  for (const subscriptionId of ids) {
    const id = `/subscriptions/${subscriptionId}`;
    if (present.has(id.toLowerCase())) continue;
    const name = listed.find((sub) => sub.subscriptionId === subscriptionId)?.displayName ?? subscriptionId;
    const made = toArmResource({ id, name, type: SUBSCRIPTION_TYPE, properties: {} }, `subscriptions[${subscriptionId}]`);
    if (!isMalformed(made)) added.push(made);
  }
  return added.length === 0 ? resources : [...resources, ...added];
}

/**
 * The resources of the input as they are read, one at a time, each turned into an inventory
 * resource at once (its text and parse are then garbage); copies of one id are folded at the
 * end. Copies that disagree are refused in a file, which someone assembled and can correct; in
 * a live read (where azscan's collector has already recorded them as failed reads) they are not
 * evaluated.
 */
export class ResourceReading {
  private copies: ReadCopy[] = [];
  private malformed: MalformedResource[] = [];
  private index = 0;
  private prefix = '';
  private marks = { copies: 0, malformed: 0 };

  /** The resources that follow are another file's: `prefix` goes before their locations. */
  beginFile(prefix: string): void {
    this.prefix = prefix;
    this.index = 0;
    this.marks = { copies: this.copies.length, malformed: this.malformed.length };
  }

  /** The file's resources start again (a repeated `resources` key: the last one wins). */
  restartFile(): void {
    this.copies.length = this.marks.copies;
    this.malformed.length = this.marks.malformed;
    this.index = 0;
  }

  add(raw: unknown): void {
    const location = `${this.prefix}resources[${this.index++}]`;
    const result = toArmResource(raw, location);
    if (isMalformed(result)) this.malformed.push(result);
    else this.copies.push({ resource: result, location });
  }

  finish(path: string, live: boolean): { resources: ArmResource[]; malformed: MalformedResource[] } {
    const { resources, conflicts } = mergeCopies(this.copies);
    const conflict = conflicts[0];
    if (conflict && !live) throw new InputError(`${path}: ${describeConflict(conflict)}`);
    const malformed = [...this.malformed];
    for (const each of conflicts) {
      malformed.push({ location: `${each.first.location}, ${each.second.location}`, resourceId: each.id, resourceType: each.type, code: 'ConflictingCopies', reason: describeConflict(each) });
    }
    return { resources, malformed };
  }
}

/** `resources[3] and resources[17] are both <id> but disagree on properties.x: "a" and "b"` */
export function describeConflict(conflict: CopyConflict): string {
  const value = (json: unknown): string => {
    const text = JSON.stringify(json) ?? String(json);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  return (
    `${conflict.first.location} and ${conflict.second.location} are both ${conflict.id} but disagree on ${conflict.path || 'the resource'}: ` +
    `${value(conflict.first.value)} and ${value(conflict.second.value)}; a resource may appear twice only where the copies agree or one adds properties`
  );
}

/**
 * One failed read. `resourceType` omitted, null or `"*"` means everything under `scope` failed;
 * otherwise it must name a type. An entry that cannot be read is refused, since ignoring it
 * would turn a failed read into a pass.
 */
function readError(field: FieldReader, entry: unknown, where: string): CollectionError {
  const object = field.objectAt(entry, where);
  const resourceType = object.resourceType === undefined || object.resourceType === null ? undefined : field.stringAt(object.resourceType, `${where}.resourceType`).trim();
  if (resourceType === '') throw new InputError(`${field.path}: ${where}.resourceType: expected a resource type, or "*" for every type, found an empty string`);
  const scope = field.stringAt(object.scope, `${where}.scope`);
  if (scope.trim() === '') throw new InputError(`${field.path}: ${where}.scope: expected a subscription or resource id, found an empty string`);
  return {
    scope,
    ...(resourceType === undefined || resourceType === '*' ? {} : { resourceType }),
    code: field.stringAt(object.code, `${where}.code`),
    message: object.message === undefined ? '' : field.stringAt(object.message, `${where}.message`),
  };
}

/** Where a live read listed its resources from (optional: older snapshots do not say). */
function readInventorySource(field: FieldReader): Pick<InventorySource, 'inventory' | 'inventoryQueriedAt' | 'inventoryFallback'> {
  const inventory = field.optionalString('inventory');
  if (inventory !== undefined && !(INVENTORY_KINDS as readonly string[]).includes(inventory)) {
    throw new InputError(`${field.path}: inventory: expected one of ${INVENTORY_KINDS.join(', ')}, found ${JSON.stringify(inventory.slice(0, 40))}`);
  }
  const queriedAt = field.optionalString('inventoryQueriedAt');
  const fallback = field.array('inventoryFallback', false).map((entry, i): InventoryFallback => {
    const where = `inventoryFallback[${i}]`;
    const object = field.objectAt(entry, where);
    return { subscriptionId: field.stringAt(object.subscriptionId, `${where}.subscriptionId`), code: field.stringAt(object.code, `${where}.code`), message: field.stringAt(object.message, `${where}.message`) };
  });
  return {
    ...(inventory === undefined ? {} : { inventory: inventory as InventoryKind }),
    ...(queriedAt === undefined ? {} : { inventoryQueriedAt: queriedAt }),
    ...(fallback.length === 0 ? {} : { inventoryFallback: fallback }),
  };
}

function readSubscription(field: FieldReader, entry: unknown, where: string): SubscriptionInfo {
  const object = field.objectAt(entry, where);
  const displayName = object.displayName;
  const state = object.state;
  return {
    subscriptionId: field.stringAt(object.subscriptionId, `${where}.subscriptionId`),
    ...(displayName === undefined ? {} : { displayName: field.stringAt(displayName, `${where}.displayName`) }),
    ...(state === undefined ? {} : { state: field.stringAt(state, `${where}.state`) }),
  };
}

/** Reads the snapshot's top-level fields, failing with the file and the path of what is wrong. */
class FieldReader {
  constructor(
    private readonly document: JsonObject,
    readonly path: string,
  ) {}

  array(name: string, required: boolean): unknown[] {
    const value = this.document[name];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) throw this.wrong(name, 'an array', value);
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.document[name];
    return value === undefined || value === null ? undefined : this.stringAt(value, name);
  }

  stringAt(value: unknown, where: string): string {
    if (typeof value !== 'string') throw this.wrong(where, 'a string', value);
    return value;
  }

  objectAt(value: unknown, where: string): JsonObject {
    if (!isJsonObject(value)) throw this.wrong(where, 'an object', value);
    return value;
  }

  private wrong(where: string, expected: string, value: unknown): InputError {
    const found = value === undefined ? 'nothing' : describeJson(value);
    return new InputError(`${this.path}: ${where}: expected ${expected}, found ${found}`);
  }
}
