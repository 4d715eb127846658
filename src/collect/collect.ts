import { resolveArmTarget } from '../auth/clouds.js';
import { chooseCredential, verifyCredential } from '../auth/credential.js';
import type { RuleMeta } from '../model/rule.js';
import { InputError } from '../inventory/errors.js';
import { idKey } from '../inventory/arm-id.js';
import type { ShardOfSplit } from '../inventory/shard.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../inventory/snapshot.js';
import { isScannedState } from '../inventory/subscriptions.js';
import { mergeCopies, type ReadCopy } from '../inventory/duplicates.js';
import { isMalformed, toArmResource } from '../inventory/resource.js';
import { type CollectionError, isJsonObject, type SubscriptionInfo } from '../inventory/types.js';
import { armReadPolicy, DEFAULT_RETRY_OPTIONS, RequestStats, type RetryOptions } from './arm-policy.js';
import { ArmClients } from './clients.js';
import { readAcrossShards } from './cross-subscription.js';
import { planCollection } from './plan.js';
import { Deadline } from './deadline.js';
import { Progress } from './progress.js';
import { DEFAULT_SCHEDULER_OPTIONS, RequestScheduler, type SchedulerOptions } from './scheduler.js';
import { SubscriptionCollector } from './subscription-collector.js';
import { graphInventoryFor, type InventoryRecord } from './resource-graph/inventory.js';
import type { InventoryMode } from './resource-graph/mode.js';
import { sortErrors, type CollectionSink } from './snapshot-writer.js';
import { listSubscriptions, selectScope, tenantOf } from './subscriptions.js';

export interface LiveOptions {
  readonly tenant?: string;
  /** Subscription ids to scan; every visible one when empty. */
  readonly subscriptions: readonly string[];
  /** `--management-group`: the subscriptions under these groups, at any depth (not with `subscriptions`). */
  readonly managementGroups?: readonly string[];
  /** `--exclude-subscription`: ids or names taken out of whatever was selected. */
  readonly excludeSubscriptions?: readonly string[];
  /** `--shard I/N`: read this shard's subscriptions, and what they reference in the others (see cross-subscription.ts). */
  readonly shard?: ShardOfSplit;
  /** Where a warning goes (an exclusion that excludes nothing, a Graph query that fell back to ARM); stderr by default. */
  readonly warn?: (text: string) => void;
  readonly cloud?: string;
  readonly armEndpoint?: string;
  readonly quiet: boolean;
  readonly scheduler?: SchedulerOptions;
  readonly retry?: RetryOptions;
  /** `--timeout`: how long the whole collection may take; what is unread then is recorded as `ScanTimeout`. */
  readonly timeoutMs?: number;
  /** `--inventory`: top-level resources from ARM lists or Resource Graph (default `auto`). */
  readonly inventory?: InventoryMode;
}

/** What a live collection read: a snapshot document, as `azscan collect` writes it. */
export interface SnapshotDocument {
  schemaVersion: number;
  tenantId?: string;
  collectedAt: string;
  /** Where top-level resources were listed from; a Graph inventory can lag ARM (see docs/resource-graph.md). */
  inventory?: InventoryRecord['inventory'];
  inventoryQueriedAt?: string;
  inventoryFallback?: InventoryRecord['inventoryFallback'];
  subscriptions: SubscriptionInfo[];
  collected: string[];
  resources: unknown[];
  errors: CollectionError[];
}

export interface Collection {
  readonly snapshot: SnapshotDocument;
  readonly stats: RequestStats;
}

/**
 * Reads what the selected rules need from every subscription in scope, through the ARM
 * SDKs, GET only. Every read that fails is recorded in the snapshot's `errors`; nothing is
 * dropped. Resources keep ARM's wire shape and come out sorted by id, so the same estate
 * gives the same snapshot. `extraTypes` are read besides what the rules need (see planCollection).
 * With a `sink`, each subscription's resources and failed reads go to it as that subscription
 * finishes, and are not held (the returned snapshot has only the failures of no subscription).
 */
export async function collectEstate(rules: readonly RuleMeta[], options: LiveOptions, extraTypes: readonly string[] = [], sink?: CollectionSink): Promise<Collection> {
  const deadline = options.timeoutMs === undefined ? Deadline.NONE : Deadline.after(options.timeoutMs);
  const plan = planCollection(rules, extraTypes);
  const target = resolveArmTarget(options.cloud, options.armEndpoint);
  const credential = await chooseCredential(target, options.tenant);
  await verifyCredential(credential, target);

  const stats = new RequestStats();
  const scheduler = new RequestScheduler(options.scheduler ?? DEFAULT_SCHEDULER_OPTIONS);
  const clients = new ArmClients(credential.credential, target, armReadPolicy(scheduler, stats, new URL(target.endpoint).origin, options.retry ?? DEFAULT_RETRY_OPTIONS, deadline));
  const progress = Progress.forTerminal(stats, options.quiet);
  progress.start();
  try {
    const listed = await listSubscriptions(clients, credential.source);
    const warn = options.warn ?? ((text: string) => process.stderr.write(`azscan: warning: ${text}\n`));
    const { subscriptions, errors, others } = await selectScope(clients, listed, options, credential.source, warn);
    const scanned = subscriptions.filter((sub) => isScannedState(sub.state));
    progress.counts.subscriptionsTotal = scanned.length;
    progress.counts.typesTotal = scanned.length * (plan.readers.length + (plan.diagnosticTargetTypes.size > 0 ? 1 : 0));
    if (options.shard !== undefined) {
      // A split can leave a shard with nothing to read (no subscription, or only disabled ones);
      // its report is still one of the N a merge needs, so it is written, not refused.
      if (subscriptions.length === 0) warn(`--shard ${options.shard.index}/${options.shard.assignment.count}: none of the ${others.length} subscriptions selected falls in this shard; nothing to read`);
    } else if (scanned.length === 0 && errors.length === 0) {
      throw new InputError(
        subscriptions.length === 0
          ? 'no subscriptions to scan: the credential can see none (it needs the Reader role on them)'
          : `no subscriptions to scan: every one in scope is ${subscriptions.map((s) => s.state).join(', ')}`,
      );
    }

    // A shard finds what its resources reference in the others' subscriptions from those
    // resources, which a sink does not keep: `collect` (the one caller with a sink) has no --shard.
    if (sink && options.shard !== undefined) throw new Error('collectEstate: a shard is collected in memory, not through a sink');
    const retry = options.retry ?? DEFAULT_RETRY_OPTIONS;
    const graph = graphInventoryFor(clients, plan, scanned.map((sub) => sub.subscriptionId), options.inventory ?? 'auto', retry.maxWaitMs, warn);
    const resources: unknown[] = [];
    const toRead = sink ? readBySink(sink, scanned, { tenantId: tenantOf(listed, options.tenant), subscriptions: subscriptionInfo(subscriptions), collected: [...plan.collected], errors }) : scanned;
    progress.counts.subscriptionsTotal = toRead.length;
    progress.counts.typesTotal = toRead.length * (plan.readers.length + (plan.diagnosticTargetTypes.size > 0 ? 1 : 0));
    await Promise.all(
      toRead.map(async (subscription) => {
        const fromGraph = await graph?.listedFor(subscription.subscriptionId);
        const found = new SubscriptionCollector(clients, plan, subscription.subscriptionId, progress, fromGraph);
        await found.run();
        if (sink) {
          // Copies of one id are read in one subscription: checking them per subscription is the same check.
          const own = [...found.errors];
          sink.subscriptionRead(subscriptionInfo([subscription])[0]!, sortById(withoutConflictingCopies(found.resources, own)), sortErrors(own));
        } else {
          resources.push(...found.resources);
          errors.push(...found.errors);
        }
        progress.counts.subscriptionsDone++;
      }),
    );

    const across = await readAcrossShards(clients, plan, others.filter((sub) => isScannedState(sub.state)).map((sub) => sub.subscriptionId), resources, progress);
    resources.push(...across.resources);
    errors.push(...across.errors);

    const kept = sortById(withoutConflictingCopies(resources, errors));
    return {
      snapshot: {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        ...(tenantOf(listed, options.tenant) ? { tenantId: tenantOf(listed, options.tenant) } : {}),
        collectedAt: new Date().toISOString(),
        ...(graph?.record() ?? { inventory: 'arm' }),
        subscriptions: subscriptionInfo(subscriptions),
        collected: [...plan.collected],
        resources: kept,
        errors: sortErrors(errors),
      },
      stats,
    };
  } finally {
    progress.stop();
  }
}

/**
 * ARM returning two copies of one resource that disagree (a list and a GET read moments apart,
 * around a change) cannot say which is in force: both are left out, and the resource is
 * recorded as a failed read, so that it is not evaluated rather than judged on either copy.
 */
function withoutConflictingCopies(resources: unknown[], errors: CollectionError[]): unknown[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of resources) {
    const key = keyOf(item);
    if (key === undefined) continue;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  if (repeated.size === 0) return resources;
  const copies: ReadCopy[] = [];
  resources.forEach((item, i) => {
    const key = keyOf(item);
    if (key === undefined || !repeated.has(key)) return;
    const resource = toArmResource(item, `read ${i + 1}`);
    if (!isMalformed(resource)) copies.push({ resource, location: `read ${i + 1}` });
  });
  const conflicting = new Set<string>();
  for (const conflict of mergeCopies(copies).conflicts) {
    conflicting.add(idKey(conflict.id));
    errors.push({
      scope: conflict.id,
      resourceType: conflict.type,
      code: 'ConflictingCopies',
      message: `ARM returned copies of this resource that disagree on ${conflict.path}: ${JSON.stringify(conflict.first.value)?.slice(0, 80)} and ${JSON.stringify(conflict.second.value)?.slice(0, 80)}`,
    });
  }
  return conflicting.size === 0 ? resources : resources.filter((item) => !conflicting.has(keyOf(item) ?? ''));
}

function keyOf(item: unknown): string | undefined {
  return isJsonObject(item) && typeof item.id === 'string' ? idKey(item.id) : undefined;
}

function sortById(resources: unknown[]): unknown[] {
  const keyed = resources.map((resource) => ({ resource, key: isJsonObject(resource) && typeof resource.id === 'string' ? idKey(resource.id) : '\uffff' }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  return keyed.map((entry) => entry.resource);
}

function subscriptionInfo(subscriptions: readonly SubscriptionInfo[]): SubscriptionInfo[] {
  return subscriptions.map(({ subscriptionId, displayName, state }) => ({
    subscriptionId,
    ...(displayName === undefined ? {} : { displayName }),
    ...(state === undefined ? {} : { state }),
  }));
}

/** The subscriptions left to read: on --resume, the sink already holds some complete. */
function readBySink<T extends SubscriptionInfo>(sink: CollectionSink, scanned: readonly T[], scope: Parameters<CollectionSink['begin']>[0]): T[] {
  const held = sink.begin(scope);
  return scanned.filter((sub) => !held.has(sub.subscriptionId));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
