import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { idKey } from '../inventory/arm-id.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../inventory/snapshot.js';
import { type CollectionError, type InventoryFallback, type InventoryKind, isJsonObject, type SubscriptionInfo } from '../inventory/types.js';

/** What is known of a collection once its subscriptions are listed, before any is read. */
export interface CollectionScope {
  readonly tenantId?: string | undefined;
  readonly subscriptions: readonly SubscriptionInfo[];
  readonly collected: readonly string[];
  /** Failed reads of no subscription read (one asked for that the credential cannot see). */
  readonly errors: readonly CollectionError[];
}

/** Where a collection writes as it reads (see collectEstate). */
export interface CollectionSink {
  /** The scope is known; returns the ids of the subscriptions already held complete (--resume). */
  begin(scope: CollectionScope): ReadonlySet<string>;
  /** One subscription read: its resources sorted by id, its failed reads sorted. */
  subscriptionRead(subscription: SubscriptionInfo, resources: readonly unknown[], errors: readonly CollectionError[]): void;
}

/** A snapshot document's fields besides its resources, in the order `azscan collect` writes them. */
export interface SnapshotFields {
  readonly tenantId?: string | undefined;
  readonly collectedAt: string;
  /** Where top-level resources were listed from (see docs/resource-graph.md). */
  readonly inventory?: InventoryKind;
  readonly inventoryQueriedAt?: string;
  readonly inventoryFallback?: readonly InventoryFallback[];
  readonly subscriptions: readonly SubscriptionInfo[];
  readonly collected: readonly string[];
  readonly errors: readonly CollectionError[];
}

/** The indentation of an element of `resources` in a snapshot written with two spaces. */
const ELEMENT_BREAK = '\n    ';
export const ELEMENT_SEPARATOR = `,${ELEMENT_BREAK}`;

/** One resource as it appears in the snapshot's `resources`. */
export function resourceText(resource: unknown): string {
  return JSON.stringify(resource, null, 2).replaceAll('\n', ELEMENT_BREAK);
}

/**
 * The snapshot's text before and after its resources: what `JSON.stringify(document, null, 2)`
 * writes, cut where the elements go, so that a snapshot written a resource at a time is the
 * same text as one written whole. With no resources, `before` is the whole document.
 */
export function snapshotFrame(fields: SnapshotFields, hasResources: boolean): { before: string; after: string } {
  const marker = `azscan-resources-${randomUUID()}`;
  const document = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    ...(fields.tenantId ? { tenantId: fields.tenantId } : {}),
    collectedAt: fields.collectedAt,
    ...(fields.inventory ? { inventory: fields.inventory } : {}),
    ...(fields.inventoryQueriedAt ? { inventoryQueriedAt: fields.inventoryQueriedAt } : {}),
    ...(fields.inventoryFallback ? { inventoryFallback: fields.inventoryFallback } : {}),
    subscriptions: fields.subscriptions,
    collected: fields.collected,
    resources: hasResources ? [marker] : [],
    errors: fields.errors,
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (!hasResources) return { before: text, after: '' };
  const at = text.indexOf(`"${marker}"`);
  return { before: text.slice(0, at), after: text.slice(at + marker.length + 2) };
}

/** Failed reads by scope, then type: the order a snapshot lists them in. */
export function sortErrors(errors: CollectionError[]): CollectionError[] {
  const key = (error: CollectionError): string => `${idKey(error.scope)}|${error.resourceType ?? ''}`;
  return errors.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The lookup key a resource is sorted by; one without an id sorts last. */
export function sortKey(resource: unknown): string {
  return isJsonObject(resource) && typeof resource.id === 'string' ? idKey(resource.id) : '\uffff';
}

/** Where a written document's resources are, to copy them into another without parsing them. */
export interface WrittenSnapshot {
  readonly path: string;
  readonly count: number;
  /** Byte offsets of the elements' text: from the first's opening brace to the last's end. */
  readonly elementsStart: number;
  readonly elementsEnd: number;
}

/** Writes a snapshot document, resource by resource, through a buffer. */
export function writeSnapshotDocument(path: string, fields: SnapshotFields, resources: Iterable<unknown>, count: number): WrittenSnapshot {
  const { before, after } = snapshotFrame(fields, count > 0);
  const out = new BufferedFile(path);
  try {
    out.write(before);
    const elementsStart = out.bytes;
    let written = 0;
    for (const resource of resources) {
      out.write(written++ === 0 ? resourceText(resource) : `${ELEMENT_SEPARATOR}${resourceText(resource)}`);
    }
    if (written !== count) throw new Error(`snapshot writer: ${written} resources written, ${count} announced`);
    const elementsEnd = out.bytes;
    out.write(after);
    out.close();
    return { path, count, elementsStart, elementsEnd };
  } catch (error) {
    out.abandon();
    throw error;
  }
}

const FLUSH_BYTES = 1 << 20;

/** A file written in large pieces, counting the bytes written. */
export class BufferedFile {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  private written = 0;
  private closed = false;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  get bytes(): number {
    return this.written + Buffer.byteLength(this.pending.join(''));
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_BYTES) this.flush();
  }

  writeBytes(bytes: Uint8Array): void {
    this.flush();
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    this.written += bytes.length;
  }

  close(): void {
    this.flush();
    this.abandon();
  }

  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.writeBytes(bytes);
  }
}

/** Copies bytes `[start, end)` of a file into `out`, a piece at a time. */
export function copyRange(path: string, start: number, end: number, out: BufferedFile): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(FLUSH_BYTES * 4, Math.max(1, end - start)));
    for (let at = start; at < end; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (read === 0) throw new Error(`${path}: ended at byte ${at}, before ${end}`);
      out.writeBytes(buffer.subarray(0, read));
      at += read;
    }
  } finally {
    closeSync(fd);
  }
}
