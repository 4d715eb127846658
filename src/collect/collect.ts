import { resolveArmTarget } from '../auth/clouds.js';
import { chooseCredential, verifyCredential } from '../auth/credential.js';
import type { RuleMeta } from '../engine/rule.js';
import { AuthenticationError, InputError } from '../errors.js';
import { idKey, typeKey } from '../inventory/arm-id.js';
import { SUBSCRIPTION_TYPE } from '../inventory/inventory.js';
import { SNAPSHOT_SCHEMA_VERSION } from '../inventory/snapshot.js';
import { isScannedState } from '../inventory/subscriptions.js';
import type { CollectionError, SubscriptionInfo } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';
import { armReadPolicy, DEFAULT_RETRY_OPTIONS, RequestStats, type RetryOptions } from './arm-policy.js';
import { ArmClients } from './clients.js';
import { diagnosticTargetOf, planCollection, type CollectionPlan } from './plan.js';
import { Progress } from './progress.js';
import { asReadFailure, readList, ReadFailure } from './read.js';
import { DIAGNOSTIC_SETTING_TYPE, readDiagnosticSettings, type ParentResource, type ResourceReader } from './readers/index.js';
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
  const plan = planCollection(rules);
  const target = resolveArmTarget(options.cloud, options.armEndpoint);
  const credential = await chooseCredential(target, options.tenant);
  await verifyCredential(credential, target);

  const stats = new RequestStats();
  const scheduler = new RequestScheduler(options.scheduler ?? DEFAULT_SCHEDULER_OPTIONS);
  const clients = new ArmClients(credential.credential, target, armReadPolicy(scheduler, stats, options.retry ?? DEFAULT_RETRY_OPTIONS));
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
        resources: sortById(resources),
        errors: errors.sort((a, b) => compareText(`${idKey(a.scope)}|${a.resourceType ?? ''}`, `${idKey(b.scope)}|${b.resourceType ?? ''}`)),
      },
      stats,
    };
  } finally {
    progress.stop();
  }
}

interface ListedSubscription extends SubscriptionInfo {
  readonly tenantId?: string;
}

async function listSubscriptions(clients: ArmClients, source: string): Promise<ListedSubscription[]> {
  const client = await clients.subscriptions();
  let items: unknown[];
  try {
    items = await readList((options) => client.subscriptions.list(options));
  } catch (error) {
    const failure = asReadFailure(error, []);
    if (/^HTTP401$|InvalidAuthenticationToken|AuthenticationFailed|ExpiredAuthenticationToken/i.test(failure.code) || failure.message.startsWith('401')) {
      throw new AuthenticationError(`ARM rejected the token from ${source} (${failure.code}: ${failure.message}); get a new one with 'az account get-access-token' or run 'az login'`);
    }
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
 * Narrows to `--subscription` ids. One asked for but not visible is kept, with a failure
 * covering everything in it, so the report says it was not scanned rather than nothing.
 */
function selectSubscriptions(listed: ListedSubscription[], wanted: readonly string[]): { subscriptions: ListedSubscription[]; errors: CollectionError[] } {
  if (wanted.length === 0) return { subscriptions: listed, errors: [] };
  const subscriptions: ListedSubscription[] = [];
  const errors: CollectionError[] = [];
  for (const id of new Set(wanted.map((text) => text.trim().toLowerCase()))) {
    const found = listed.find((sub) => sub.subscriptionId.toLowerCase() === id);
    if (found) {
      subscriptions.push(found);
    } else {
      subscriptions.push({ subscriptionId: id, state: 'NotFound' });
      errors.push({ scope: `/subscriptions/${id}`, code: 'SubscriptionNotFound', message: 'the credential cannot see this subscription' });
    }
  }
  return { subscriptions, errors };
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

function sortById(resources: unknown[]): unknown[] {
  const keyed = resources.map((resource) => ({ resource, key: isJsonObject(resource) && typeof resource.id === 'string' ? idKey(resource.id) : '\uffff' }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  return keyed.map((entry) => entry.resource);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
