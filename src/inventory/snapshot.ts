import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
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

/** Reads a snapshot file (or a bare array of ARM resources) into an inventory. */
export function loadSnapshotFile(path: string): Inventory {
  return inventoryFromSnapshot(parseJsonText(readSnapshotText(path), path), path);
}

function readSnapshotText(path: string): string {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // Opened without blocking and checked before reading: a FIFO would wait for a writer, and
    // /dev/zero never ends. Any regular file is read, however large.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(`${path}: ${stats.isDirectory() ? 'is a directory' : `is ${kindOfFile(stats)}`}, not a snapshot file`);
    bytes = readFileSync(fd);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: snapshot file not found`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a snapshot file`);
    if (code === 'EACCES') throw new InputError(`${path}: permission denied reading the snapshot`);
    throw new InputError(`${path}: cannot read the snapshot (${code ?? (error as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // Exports made on Windows often carry a byte-order mark, and PowerShell 5's `>` writes UTF-16.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function kindOfFile(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'something other than a regular file';
}

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
    const { resources, malformed } = readResources(document, path, live);
    return new Inventory({ source: { kind: 'array', path }, resources: withSubscriptions(resources, []), malformed });
  }
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
  const resourceList = field.array('resources', true);
  const { resources: read, malformed } = readResources(resourceList, path, live);
  const subscriptions = field.array('subscriptions', false).map((entry, i) => readSubscription(field, entry, `subscriptions[${i}]`));
  const resources = withSubscriptions(read, subscriptions);
  return new Inventory({
    source: {
      kind: live ? 'live' : 'snapshot',
      ...(live ? {} : { path }),
      tenantId: field.optionalString('tenantId'),
      collectedAt: field.optionalString('collectedAt'),
      ...readInventorySource(field),
    },
    resources,
    malformed,
    collected: field.array('collected', false).map((entry, i) => field.stringAt(entry, `collected[${i}]`)),
    errors: field.array('errors', false).map((entry, i) => readError(field, entry, `errors[${i}]`)),
    subscriptions,
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
 * The resources of the input, one per id. Copies of one id that disagree are refused in a
 * file, which someone assembled and can correct; in a live read (where azscan's collector has
 * already recorded them as failed reads) they are not evaluated.
 */
function readResources(list: readonly unknown[], path: string, live: boolean): { resources: ArmResource[]; malformed: MalformedResource[] } {
  const copies: ReadCopy[] = [];
  const malformed: MalformedResource[] = [];
  for (let i = 0; i < list.length; i++) {
    const location = `resources[${i}]`;
    const result = toArmResource(list[i], location);
    if (isMalformed(result)) malformed.push(result);
    else copies.push({ resource: result, location });
  }
  const { resources, conflicts } = mergeCopies(copies);
  const conflict = conflicts[0];
  if (conflict && !live) throw new InputError(`${path}: ${describeConflict(conflict)}`);
  for (const each of conflicts) {
    malformed.push({ location: `${each.first.location}, ${each.second.location}`, resourceId: each.id, resourceType: each.type, code: 'ConflictingCopies', reason: describeConflict(each) });
  }
  return { resources, malformed };
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
