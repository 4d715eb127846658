import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { idKey } from '../inventory/arm-id.js';
import { streamJsonDocument } from '../inventory/json-stream.js';
import { openSnapshotText } from '../inventory/snapshot-file.js';
import type { CollectionError, SubscriptionInfo } from '../inventory/types.js';
import {
  BufferedFile,
  copyRange,
  ELEMENT_SEPARATOR,
  resourceText,
  snapshotFrame,
  sortErrors,
  sortKey,
  writeSnapshotDocument,
  type CollectionScope,
  type CollectionSink,
  type SnapshotFields,
  type WrittenSnapshot,
} from './snapshot-writer.js';

interface Part {
  /** `/subscriptions/<id>/`: every key of the part's resources but the subscription's own starts with it. */
  readonly prefix: string;
  readonly written: WrittenSnapshot;
  readonly firstKey: string;
  readonly lastKey: string;
  /** When it finished, among the subscriptions: copies of one id keep that order, as a stable sort of the whole estate kept it. */
  readonly finished: number;
}

/**
 * `collect --output FILE`: each subscription's resources are written to a part of their own as
 * the subscription finishes, and the parts are joined at the end into one snapshot, copied
 * byte for byte in subscription order. Sorting by id is sorting by subscription and then by id
 * within it, since an id starts with its subscription; the few resources a subscription's reads
 * returned with an id outside it (or none) are held apart and put where that sort puts them.
 */
export class SnapshotFileWriter implements CollectionSink {
  private readonly partsFolder: string;
  private readonly parts: Part[] = [];
  private readonly strays: Array<{ key: string; resource: unknown; finished: number }> = [];
  private finished = 0;
  private readonly partErrors: CollectionError[] = [];
  private collected: readonly string[] = [];
  resources = 0;

  constructor(private readonly output: string) {
    // Beside the output, so that the parts are on its file system and the rename at the end is one.
    this.partsFolder = mkdtempSync(join(dirname(output), `.${basename(output)}.parts-`));
  }

  begin(scope: CollectionScope): ReadonlySet<string> {
    this.collected = scope.collected;
    return new Set();
  }

  subscriptionRead(subscription: SubscriptionInfo, resources: readonly unknown[], errors: readonly CollectionError[]): void {
    const own = idKey(`/subscriptions/${subscription.subscriptionId}`);
    const prefix = `${own}/`;
    const inside: unknown[] = [];
    const finished = this.finished++;
    for (const resource of resources) {
      const key = sortKey(resource);
      if (key === own || key.startsWith(prefix)) inside.push(resource);
      else this.strays.push({ key, resource, finished });
    }
    this.partErrors.push(...errors);
    this.resources += resources.length;
    if (inside.length === 0) return;
    const fields: SnapshotFields = { collectedAt: '', subscriptions: [subscription], collected: this.collected, errors: [] };
    const written = writeSnapshotDocument(join(this.partsFolder, `${this.parts.length}.json`), fields, inside, inside.length);
    this.parts.push({ prefix, written, firstKey: sortKey(inside[0]), lastKey: sortKey(inside[inside.length - 1]), finished });
  }

  /** Joins the parts into the snapshot; returns the number of failed reads it lists. */
  finish(fields: SnapshotFields): number {
    const errors = sortErrors([...fields.errors, ...this.partErrors]);
    const strays = this.strays.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.finished - b.finished));
    const parts = [...this.parts].sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
    const temporary = join(this.partsFolder, 'snapshot.json');
    const { before, after } = snapshotFrame({ ...fields, errors }, this.resources > 0);
    const out = new BufferedFile(temporary);
    try {
      out.write(before);
      let first = true;
      const element = (text: string): void => {
        out.write(first ? text : `${ELEMENT_SEPARATOR}${text}`);
        first = false;
      };
      let next = 0;
      const straysBefore = (key: string, finished: number): void => {
        for (let stray = strays[next]; stray && (stray.key < key || (stray.key === key && stray.finished < finished)); stray = strays[++next]) element(resourceText(stray.resource));
      };
      for (const part of parts) {
        straysBefore(part.firstKey, part.finished);
        if (next < strays.length && strays[next]!.key <= part.lastKey) {
          // A stray sorts inside this part: the part is read again and merged, resource by resource.
          forEachResource(part.written.path, (resource) => {
            straysBefore(sortKey(resource), part.finished);
            element(resourceText(resource));
          });
        } else {
          if (!first) out.write(ELEMENT_SEPARATOR);
          copyRange(part.written.path, part.written.elementsStart, part.written.elementsEnd, out);
          first = false;
        }
      }
      straysBefore('\uffff\uffff', Infinity);
      out.write(after);
      out.close();
    } catch (error) {
      out.abandon();
      throw error;
    }
    renameSync(temporary, this.output);
    return errors.length;
  }

  /** Removes the parts, whether or not the snapshot was written. */
  cleanUp(): void {
    rmSync(this.partsFolder, { recursive: true, force: true });
  }
}

function forEachResource(path: string, visit: (resource: unknown) => void): void {
  const text = openSnapshotText(path);
  try {
    streamJsonDocument(text, 'resources', { field: () => undefined, arrayStart: () => undefined, element: visit });
  } finally {
    text.close();
  }
}
