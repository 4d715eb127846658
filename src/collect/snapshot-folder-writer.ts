import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../inventory/errors.js';
import { MANIFEST_FORMAT, MANIFEST_NAME, partFileName, readManifest, sameCollected, type ManifestSubscription, type SnapshotManifest } from '../inventory/snapshot-manifest.js';
import { streamSnapshotJson } from '../inventory/snapshot-stream.js';
import { ResourceReading, SNAPSHOT_SCHEMA_VERSION } from '../inventory/snapshot.js';
import { isScannedState } from '../inventory/subscriptions.js';
import type { CollectionError, SubscriptionInfo } from '../inventory/types.js';
import { writeSnapshotDocument, type CollectionScope, type CollectionSink } from './snapshot-writer.js';

/** A manifest entry as written: with the number of failed reads its part holds, for the exit code of a resumed collection. */
type WrittenSubscription = ManifestSubscription & { part?: { file: string; state: 'complete' | 'incomplete'; failedReads?: number } };

/**
 * `collect --output DIR`: one snapshot document per subscription (`DIR/<id>.json`, each a valid
 * snapshot on its own), written under a temporary name and renamed when complete, and the
 * manifest (`DIR/azscan-snapshot.json`) rewritten, also by rename, each time a part completes.
 * A part is complete once it is renamed and the manifest says so; failed reads in it are data,
 * and do not make it incomplete. With `resume`, the subscriptions whose part is complete are not
 * read again, provided the manifest was collected for the same tenant and the same reads.
 */
export class SnapshotFolderWriter implements CollectionSink {
  /** The manifest as written: a snapshot header's fields (where the inventory came from, flat, as a snapshot has them). */
  private manifest: (Omit<SnapshotManifest, 'inventorySource'> & SnapshotManifest['inventorySource']) | undefined;
  private subscriptions: WrittenSubscription[] = [];
  resources = 0;
  held = 0;

  constructor(
    private readonly folder: string,
    private readonly resume: boolean,
  ) {
    mkdirSync(folder, { recursive: true });
  }

  begin(scope: CollectionScope): ReadonlySet<string> {
    const previous = this.resume ? this.previousManifest() : undefined;
    if (previous) checkResumable(previous, scope, join(this.folder, MANIFEST_NAME));
    const complete = new Map<string, WrittenSubscription>();
    for (const entry of (previous?.subscriptions ?? []) as WrittenSubscription[]) {
      if (entry.part?.state === 'complete' && isFile(join(this.folder, entry.part.file))) complete.set(entry.subscriptionId.toLowerCase(), entry);
    }
    const held = new Set<string>();
    this.subscriptions = scope.subscriptions.map((subscription): WrittenSubscription => {
      if (!isScannedState(subscription.state)) return subscription;
      const earlier = complete.get(subscription.subscriptionId.toLowerCase());
      if (earlier?.part) {
        held.add(subscription.subscriptionId);
        return { ...subscription, part: earlier.part };
      }
      return { ...subscription, part: { file: partFileName(subscription.subscriptionId), state: 'incomplete' } };
    });
    this.held = held.size;
    this.manifest = {
      format: MANIFEST_FORMAT,
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      ...(scope.tenantId ? { tenantId: scope.tenantId } : {}),
      collectedAt: previous?.collectedAt ?? new Date().toISOString(),
      collected: scope.collected,
      subscriptions: this.subscriptions,
      errors: scope.errors,
    };
    this.writeManifest();
    return held;
  }

  subscriptionRead(subscription: SubscriptionInfo, resources: readonly unknown[], errors: readonly CollectionError[]): void {
    const manifest = this.manifest!;
    const entry = this.subscriptions.find((sub) => sub.subscriptionId === subscription.subscriptionId);
    if (!entry?.part) throw new Error(`snapshot folder: ${subscription.subscriptionId} was read but is not in the manifest`);
    const file = entry.part.file;
    const temporary = join(this.folder, `.${file}.${process.pid}.tmp`);
    const fields = { tenantId: manifest.tenantId, collectedAt: new Date().toISOString(), subscriptions: [subscription], collected: manifest.collected, errors };
    writeSnapshotDocument(temporary, fields, resources, resources.length);
    renameSync(temporary, join(this.folder, file));
    entry.part = { file, state: 'complete', failedReads: errors.length };
    this.resources += resources.length;
    this.writeManifest();
  }

  /** The manifest's final form; returns the failed reads the folder holds, its held parts' included. */
  finish(collectedAt: string, errors: readonly CollectionError[], inventorySource: SnapshotManifest['inventorySource'] = {}): number {
    this.manifest = { ...this.manifest!, collectedAt, ...inventorySource, errors };
    this.writeManifest();
    return errors.length + this.subscriptions.reduce((sum, sub) => sum + (sub.part?.failedReads ?? 0), 0);
  }

  private previousManifest(): SnapshotManifest | undefined {
    const path = join(this.folder, MANIFEST_NAME);
    if (!existsSync(path)) return undefined;
    const parsed = streamSnapshotJson(path, new ResourceReading());
    if (parsed.kind !== 'document') throw new InputError(`${path}: not a snapshot folder's manifest (expected an object, found an array)`);
    const manifest = readManifest(parsed.document, path);
    // The failed reads of each complete part, kept for the exit code.
    const raw = (parsed.document as { subscriptions: Array<{ part?: { failedReads?: unknown } }> }).subscriptions;
    const subscriptions = manifest.subscriptions.map((sub, i) => {
      const failedReads = raw[i]?.part?.failedReads;
      return sub.part && typeof failedReads === 'number' ? { ...sub, part: { ...sub.part, failedReads } } : sub;
    });
    return { ...manifest, subscriptions };
  }

  private writeManifest(): void {
    const path = join(this.folder, MANIFEST_NAME);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.manifest, null, 2)}\n`);
    renameSync(temporary, path);
  }
}

/** A resumed collection must read what the first one read, from the same tenant. */
function checkResumable(previous: SnapshotManifest, scope: CollectionScope, path: string): void {
  if (previous.tenantId !== undefined && scope.tenantId !== undefined && previous.tenantId.toLowerCase() !== scope.tenantId.toLowerCase()) {
    throw new InputError(`--resume: ${path} is tenant ${previous.tenantId}'s, but this collection reads tenant ${scope.tenantId}; collect into another folder`);
  }
  if (!sameCollected(previous.collected, scope.collected)) {
    throw new InputError(`--resume: the parts in ${path.replace(/[/\\][^/\\]*$/, '')} were collected for another rule selection (their 'collected' differs from what these rules read); give the same --rule, --severity, --compliance and --config, or collect again without --resume`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
