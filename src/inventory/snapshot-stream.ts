import { ChunkedText } from './chunked-text.js';
import { InputError } from './errors.js';
import type { Inventory } from './inventory.js';
import { findJsonSyntaxErrorIn } from './json-error.js';
import { NotJson, streamJsonDocument } from './json-stream.js';
import { inventoryFromArray, inventoryFromParts, readSnapshotHeader, ResourceReading, type SnapshotHeader } from './snapshot.js';
import { openSnapshotText, SNAPSHOT_CHUNK_BYTES } from './snapshot-file.js';
import { isJsonObject, type JsonObject } from './types.js';
import { MANIFEST_FORMAT } from './snapshot-manifest.js';
import { dirname } from 'node:path';

/** A snapshot file as read: a bare array of resources, or a document's header (its resources are in the reading). */
export type SnapshotFileContent = { readonly kind: 'array' } | { readonly kind: 'snapshot'; readonly header: SnapshotHeader };

/** Reads a snapshot file (or a bare array of ARM resources) into an inventory, a resource at a time. */
export function loadSnapshotFile(path: string, chunkBytes = SNAPSHOT_CHUNK_BYTES): Inventory {
  const reading = new ResourceReading();
  const content = readSnapshotFile(path, reading, chunkBytes);
  return content.kind === 'array' ? inventoryFromArray(reading, path) : inventoryFromParts(content.header, reading, path);
}

/**
 * Reads a snapshot file into `reading` without holding its text: each resource is parsed on
 * its own as its text arrives; the other top-level fields are parsed whole and checked as a
 * parsed document's are.
 */
export function readSnapshotFile(path: string, reading: ResourceReading, chunkBytes = SNAPSHOT_CHUNK_BYTES): SnapshotFileContent {
  const parsed = streamSnapshotJson(path, reading, chunkBytes);
  if (parsed.kind === 'array') return { kind: 'array' };
  if (isJsonObject(parsed.document) && parsed.document.format === MANIFEST_FORMAT) {
    throw new InputError(`${path}: is the manifest of a snapshot folder, not a snapshot; give the folder (--snapshot ${dirname(path)})`);
  }
  return { kind: 'snapshot', header: readSnapshotHeader(parsed.document, path, reading, parsed.streamed) };
}

/** The JSON of a snapshot file: its resources into `reading`, everything else as a document. */
export function streamSnapshotJson(path: string, reading: ResourceReading, chunkBytes = SNAPSHOT_CHUNK_BYTES): { kind: 'array' } | { kind: 'document'; document: unknown; streamed: boolean } {
  // Built as JSON.parse builds an object: a key given twice keeps its first place and last
  // value, and `__proto__` is a key like any other.
  const fields: JsonObject = {};
  let streamed = false;
  const text = openSnapshotText(path, chunkBytes);
  try {
    const root = streamJsonDocument(text, 'resources', {
      field(key, value) {
        if (key === 'resources') {
          reading.restartFile();
          streamed = false;
        }
        Object.defineProperty(fields, key, { value, writable: true, enumerable: true, configurable: true });
      },
      arrayStart() {
        reading.restartFile();
        delete fields.resources;
        streamed = true;
      },
      element(value) {
        reading.add(value);
      },
    });
    if (root.kind === 'array') return { kind: 'array' };
    return { kind: 'document', document: root.kind === 'value' ? root.value : fields, streamed };
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    throw syntaxError(path, chunkBytes);
  } finally {
    text.close();
  }
}

/** Where the file's JSON breaks, found by reading it again: only the first error counts, wherever the stream stopped. */
function syntaxError(path: string, chunkBytes: number): InputError {
  const text = openSnapshotText(path, chunkBytes);
  try {
    const found = findJsonSyntaxErrorIn(new ChunkedText(text));
    if (!found) return new InputError(`${path}: not valid JSON`);
    return new InputError(`${path}: not valid JSON at line ${found.line}, column ${found.column}: ${found.message}`);
  } finally {
    text.close();
  }
}
