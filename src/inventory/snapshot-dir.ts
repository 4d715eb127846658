import { join } from 'node:path';
import { InputError } from './errors.js';
import type { Inventory } from './inventory.js';
import { MANIFEST_NAME, readManifest, sameCollected, type SnapshotManifest } from './snapshot-manifest.js';
import { inventoryFromParts, ResourceReading, type SnapshotHeader } from './snapshot.js';
import { isFile, isFolder } from './snapshot-file.js';
import { loadSnapshotFile, readSnapshotFile, streamSnapshotJson } from './snapshot-stream.js';
import type { CollectionError } from './types.js';

/** `--snapshot PATH`: a snapshot file, or a snapshot folder written by `collect --output DIR`. */
export function loadSnapshot(path: string): Inventory {
  return isFolder(path) ? loadSnapshotFolder(path) : loadSnapshotFile(path);
}

/**
 * Reads every part the manifest lists, one resource at a time, into one inventory. A part the
 * manifest calls incomplete, or that is missing, leaves its subscription not evaluated (a
 * failed read covering all of it), never silently out of the report; a part that says it is
 * another tenant's or another subscription's, or was collected for other rules, is refused.
 */
export function loadSnapshotFolder(folder: string): Inventory {
  const manifestPath = join(folder, MANIFEST_NAME);
  const manifest = readManifestFile(manifestPath, folder);
  const reading = new ResourceReading();
  const errors: CollectionError[] = [...manifest.errors];
  for (const subscription of manifest.subscriptions) {
    if (subscription.part === undefined) continue;
    const partPath = join(folder, subscription.part.file);
    const scope = `/subscriptions/${subscription.subscriptionId}`;
    if (subscription.part.state !== 'complete') {
      errors.push({ scope, code: 'SnapshotPartIncomplete', message: `${partPath} was not completed (collect again with --resume)` });
      continue;
    }
    if (!isFile(partPath)) {
      errors.push({ scope, code: 'SnapshotPartMissing', message: `${partPath} is missing (collect again with --resume)` });
      continue;
    }
    reading.beginFile(`${subscription.part.file} `);
    const content = readSnapshotFile(partPath, reading);
    if (content.kind !== 'snapshot') throw new InputError(`${partPath}: a bare array of resources, not a part of the snapshot folder ${folder}`);
    checkPart(content.header, manifest, subscription.subscriptionId, partPath);
    errors.push(...content.header.errors);
  }
  const header: SnapshotHeader = {
    tenantId: manifest.tenantId,
    collectedAt: manifest.collectedAt,
    collected: manifest.collected,
    errors,
    inventorySource: manifest.inventorySource,
    subscriptions: manifest.subscriptions.map(({ subscriptionId, displayName, state }) => ({
      subscriptionId,
      ...(displayName === undefined ? {} : { displayName }),
      ...(state === undefined ? {} : { state }),
    })),
  };
  return inventoryFromParts(header, reading, folder);
}

function readManifestFile(manifestPath: string, folder: string): SnapshotManifest {
  if (!isFile(manifestPath)) throw new InputError(`${folder}: is a directory, not a snapshot file (nor a snapshot folder: it has no ${MANIFEST_NAME}, which 'azscan collect --output DIR' writes)`);
  const reading = new ResourceReading();
  const parsed = streamSnapshotJson(manifestPath, reading);
  if (parsed.kind !== 'document') throw new InputError(`${manifestPath}: not a snapshot folder's manifest (expected an object, found an array)`);
  return readManifest(parsed.document, manifestPath);
}

function checkPart(header: SnapshotHeader, manifest: SnapshotManifest, subscriptionId: string, partPath: string): void {
  if (manifest.tenantId !== undefined && header.tenantId !== undefined && header.tenantId.toLowerCase() !== manifest.tenantId.toLowerCase()) {
    throw new InputError(`${partPath}: is tenant ${header.tenantId}'s, but the manifest is tenant ${manifest.tenantId}'s`);
  }
  const own = header.subscriptions.map((sub) => sub.subscriptionId);
  if (own.length !== 1 || own[0]!.toLowerCase() !== subscriptionId.toLowerCase()) {
    throw new InputError(`${partPath}: holds subscription${own.length === 1 ? '' : 's'} ${own.join(', ') || '(none)'}, but the manifest lists it for ${subscriptionId}`);
  }
  if (!sameCollected(header.collected, manifest.collected)) {
    throw new InputError(`${partPath}: was collected for other rules than the manifest says (its 'collected' differs); collect the folder again without --resume`);
  }
}
