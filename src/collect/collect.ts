import { resolveArmTarget } from '../auth/clouds.js';
import { chooseCredential, verifyCredential } from '../auth/credential.js';
import type { RuleMeta } from '../model/rule.js';
import { AuthenticationError } from '../auth/errors.js';
import { InputError, UsageError } from '../inventory/errors.js';
import { idKey, typeKey } from '../inventory/arm-id.js';
import { SUBSCRIPTION_TYPE } from '../inventory/arm-types.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../inventory/snapshot.js';
import { isScannedState } from '../inventory/subscriptions.js';
import { mergeCopies, type ReadCopy } from '../inventory/duplicates.js';
import { isMalformed, toArmResource } from '../inventory/resource.js';
import { type CollectionError, isJsonObject, type SubscriptionInfo } from '../inventory/types.js';
import { armReadPolicy, DEFAULT_RETRY_OPTIONS, RequestStats, type RetryOptions } from './arm-policy.js';
import { ArmClients } from './clients.js';
import { diagnosticTargetOf, planCollection, type CollectionPlan } from './plan.js';
import { Deadline } from './deadline.js';
import { Progress } from './progress.js';
import { asReadFailure, ReadFailure } from './read.js';
import { DIAGNOSTIC_SETTING_TYPE, readDiagnosticSettings, readSubscriptionList, type ParentResource, type ResourceReader } from './readers/index.js';
import { DEFAULT_SCHEDULER_OPTIONS, RequestScheduler, type SchedulerOptions } from './scheduler.js';

export interface LiveOptions {
  readonly tenant?: string;
  /** Subscription ids to scan; every visible one when empty. */
  readonly subscriptions: readonly string[];
  readonly cloud?: string;
  readonly armEndpoint?: string;
  readonly quiet: boolean;
  readonly scheduler?: SchedulerOptions;
  readonly retry?: RetryOptions;
  /** `--timeout`: how long the whole collection may take; what is unread then is recorded as `ScanTimeout`. */
  readonly timeoutMs?: number;
}

/** What a live collection read: a snapshot document, as `azscan collect` writes it. */
export interface SnapshotDocument {
  schemaVersion: number;
  tenantId?: string;
  collectedAt: string;
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
 * gives the same snapshot.
 */
export async function collectEstate(rules: readonly RuleMeta[], options: LiveOptions): Promise<Collection> {
  const deadline = options.timeoutMs === undefined ? Deadline.NONE : Deadline.after(options.timeoutMs);
  const plan = planCollection(rules);
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
    const { subscriptions, errors } = selectSubscriptions(listed, options.subscriptions);
    const scanned = subscriptions.filter((sub) => isScannedState(sub.state));
    progress.counts.subscriptionsTotal = scanned.length;
    progress.counts.typesTotal = scanned.length * (plan.readers.length + (plan.diagnosticTargetTypes.size > 0 ? 1 : 0));
    if (scanned.length === 0 && errors.length === 0) {
      throw new InputError(
        subscriptions.length === 0
          ? 'no subscriptions to scan: the credential can see none (it needs the Reader role on them)'
          : `no subscriptions to scan: every one in scope is ${subscriptions.map((s) => s.state).join(', ')}`,
      );
    }

    const resources: unknown[] = [];
    await Promise.all(
      scanned.map(async (subscription) => {
        const found = new SubscriptionCollector(clients, plan, subscription.subscriptionId, progress);
        await found.run();
        resources.push(...found.resources);
        errors.push(...found.errors);
        progress.counts.subscriptionsDone++;
      }),
    );

    const kept = sortById(withoutConflictingCopies(resources, errors));
    return {
      snapshot: {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        ...(tenantOf(listed, options.tenant) ? { tenantId: tenantOf(listed, options.tenant) } : {}),
        collectedAt: new Date().toISOString(),
        subscriptions: subscriptions.map(({ subscriptionId, displayName, state }) => ({
          subscriptionId,
          ...(displayName === undefined ? {} : { displayName }),
          ...(state === undefined ? {} : { state }),
        })),
        collected: [...plan.collected],
        resources: kept,
        errors: errors.sort((a, b) => compareText(`${idKey(a.scope)}|${a.resourceType ?? ''}`, `${idKey(b.scope)}|${b.resourceType ?? ''}`)),
      },
      stats,
    };
  } finally {
    progress.stop();
  }
}

export interface ListedSubscription extends SubscriptionInfo {
  readonly tenantId?: string;
}

async function listSubscriptions(clients: ArmClients, source: string): Promise<ListedSubscription[]> {
  let items: unknown[];
  try {
    items = await readSubscriptionList(clients);
  } catch (error) {
    const failure = asReadFailure(error, []);
    if (/^HTTP401$|InvalidAuthenticationToken|AuthenticationFailed|ExpiredAuthenticationToken/i.test(failure.code) || failure.message.startsWith('401')) {
      throw new AuthenticationError(`ARM rejected the token from ${source} (${failure.code}: ${failure.message}); get a new one with 'az account get-access-token' or run 'az login'`);
    }
    if (failure.code === 'ScanTimeout') throw new InputError(`${failure.message.replace(/this was read$/, 'the subscriptions could be listed')}; nothing was scanned`);
    throw new InputError(`cannot list subscriptions (${failure.code}: ${failure.message})`);
  }
  return items.filter(isJsonObject).flatMap((item) => {
    const subscriptionId = typeof item.subscriptionId === 'string' ? item.subscriptionId : undefined;
    if (!subscriptionId) return [];
    return [
      {
        subscriptionId,
        ...(typeof item.displayName === 'string' ? { displayName: item.displayName } : {}),
        ...(typeof item.state === 'string' ? { state: item.state } : {}),
        ...(typeof item.tenantId === 'string' ? { tenantId: item.tenantId } : {}),
      },
    ];
  });
}

/**
 * Narrows to `--subscription` ids or display names. An id asked for but not visible is kept,
 * with a failure covering everything in it, so the report says it was not scanned rather than
 * nothing. A name must match exactly one visible subscription (case-insensitively): a name
 * that matches none or several is a usage error listing the candidates, since guessing would
 * scan the wrong estate.
 */
export function selectSubscriptions(listed: readonly ListedSubscription[], wanted: readonly string[]): { subscriptions: ListedSubscription[]; errors: CollectionError[] } {
  if (wanted.length === 0) return { subscriptions: [...listed], errors: [] };
  const chosen = new Map<string, ListedSubscription>();
  const errors: CollectionError[] = [];
  for (const text of wanted) {
    const key = text.trim().toLowerCase();
    const byId = listed.find((sub) => sub.subscriptionId.toLowerCase() === key);
    if (byId) {
      chosen.set(key, byId);
      continue;
    }
    const byName = listed.filter((sub) => sub.displayName?.toLowerCase() === key);
    if (byName.length === 1) {
      chosen.set(byName[0]!.subscriptionId.toLowerCase(), byName[0]!);
      continue;
    }
    if (byName.length > 1) throw new UsageError(`--subscription '${text}': ${byName.length} subscriptions have that name: ${candidates(byName)}; give the id`);
    if (!SUBSCRIPTION_ID.test(key)) throw new UsageError(`--subscription '${text}': no subscription the credential can see has that id or name${listed.length > 0 ? ` (it sees ${candidates(listed)})` : ''}`);
    if (!chosen.has(key)) {
      chosen.set(key, { subscriptionId: key, state: 'NotFound' });
      errors.push({ scope: `/subscriptions/${key}`, code: 'SubscriptionNotFound', message: 'the credential cannot see this subscription' });
    }
  }
  return { subscriptions: [...chosen.values()], errors };
}

const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `id (name), id (name)`, at most ten of them. */
function candidates(subscriptions: readonly ListedSubscription[]): string {
  const shown = subscriptions.slice(0, 10).map((sub) => `${sub.subscriptionId}${sub.displayName ? ` (${sub.displayName})` : ''}`);
  return shown.join(', ') + (subscriptions.length > 10 ? `, and ${subscriptions.length - 10} more` : '');
}

function tenantOf(listed: ListedSubscription[], requested: string | undefined): string | undefined {
  return requested ?? listed.find((sub) => sub.tenantId)?.tenantId;
}

/** Reads one subscription: each type after its parent type, children per parent, diagnostic settings per target. */
class SubscriptionCollector {
  readonly resources: unknown[] = [];
  readonly errors: CollectionError[] = [];
  private readonly scope: string;

  constructor(
    private readonly clients: ArmClients,
    private readonly plan: CollectionPlan,
    private readonly subscriptionId: string,
    private readonly progress: Progress,
  ) {
    this.scope = `/subscriptions/${subscriptionId}`;
  }

  async run(): Promise<void> {
    const diagnosticReads: Array<Promise<void>> = [];
    const roots = this.plan.readers.filter((reader) => reader.parentType === undefined);
    // The subscription itself is a parent too: of its own diagnostic settings (the activity log
    // export) and of any type read once per subscription as its child.
    const subscription: ParentResource = { id: this.scope, name: this.subscriptionId };
    await Promise.all([
      ...roots.map((reader) => this.readType(reader, undefined, diagnosticReads)),
      this.readBelow(SUBSCRIPTION_TYPE, [subscription], diagnosticReads),
    ]);
    await Promise.all(diagnosticReads);
    if (this.plan.diagnosticTargetTypes.size > 0) this.progress.counts.typesDone++;
  }

  /** Reads `reader`'s type (once, or once per parent), then the types below it. */
  private async readType(reader: ResourceReader, parents: readonly ParentResource[] | undefined, diagnosticReads: Array<Promise<void>>): Promise<void> {
    const reads = parents === undefined ? [this.read(reader, undefined)] : parents.map((parent) => this.read(reader, parent));
    const items = (await Promise.all(reads)).flat();
    this.progress.counts.typesDone++;
    await this.readBelow(reader.type, items.flatMap(parentOf), diagnosticReads);
  }

  /** Reads what hangs off `parents` of `type`: their diagnostic settings, when planned, and their child types. */
  private async readBelow(type: string, parents: readonly ParentResource[], diagnosticReads: Array<Promise<void>>): Promise<void> {
    if (this.plan.diagnosticTargetTypes.has(typeKey(type))) {
      for (const resource of parents) {
        const targetId = diagnosticTargetOf(type, resource);
        if (targetId !== undefined) diagnosticReads.push(this.readDiagnostics(targetId));
      }
    }
    const children = this.plan.readers.filter((child) => child.parentType !== undefined && typeKey(child.parentType) === typeKey(type));
    await Promise.all(children.map((child) => this.readType(child, parents, diagnosticReads)));
  }

  private async read(reader: ResourceReader, parent: ParentResource | undefined): Promise<unknown[]> {
    try {
      const items = await reader.read(this.clients, this.subscriptionId, parent);
      this.resources.push(...items);
      return items;
    } catch (error) {
      const failure = asReadFailure(error, []);
      this.fail(parent?.id ?? this.scope, reader.type, failure);
      return [...failure.partial];
    }
  }

  private async readDiagnostics(targetId: string): Promise<void> {
    try {
      this.resources.push(...(await readDiagnosticSettings(this.clients, this.subscriptionId, targetId)));
    } catch (error) {
      this.fail(targetId, DIAGNOSTIC_SETTING_TYPE, asReadFailure(error, []));
    }
  }

  private fail(scope: string, resourceType: string, failure: ReadFailure): void {
    this.resources.push(...failure.partial);
    this.errors.push({ scope, resourceType, code: failure.code, message: failure.message });
  }
}

/** A resource as a parent for its children's reads, when it has the id that needs. */
function parentOf(item: unknown): ParentResource[] {
  if (!isJsonObject(item) || typeof item.id !== 'string') return [];
  return [
    {
      id: item.id,
      name: typeof item.name === 'string' ? item.name : '',
      ...(typeof item.kind === 'string' ? { kind: item.kind } : {}),
      ...(isJsonObject(item.properties) ? { properties: item.properties } : {}),
    },
  ];
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
