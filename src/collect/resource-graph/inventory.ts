import { typeKey } from '../../inventory/arm-id.js';
import type { InventoryFallback, InventoryKind } from '../../inventory/types.js';
import type { ArmClients } from '../clients.js';
import { ReadFailure } from '../read.js';
import { queryBatch, type BatchAnswer } from './pages.js';
import { GRAPH_BATCH_SIZE, GRAPH_QUERIES_IN_FLIGHT, inventoryQuery } from './query.js';
import type { CollectionPlan } from '../plan.js';
import { usesResourceGraph, type InventoryMode } from './mode.js';
import { UserQuota } from './quota.js';
import { graphTypesOf } from './types.js';

/**
 * One subscription's top-level listings taken from Graph: for each type (by key), its
 * resources in ARM's shape, or the ReadFailure its batch ended in (with the rows read before).
 */
export type ListedTopLevel = ReadonlyMap<string, () => Promise<unknown[]>>;

/** What a snapshot records of where its inventory came from (see InventorySource). */
export interface InventoryRecord {
  readonly inventory: InventoryKind;
  readonly inventoryQueriedAt?: string;
  readonly inventoryFallback?: readonly InventoryFallback[];
}

/**
 * The top-level resources of `types` in every subscription, from Resource Graph in batches of
 * GRAPH_BATCH_SIZE subscriptions. A batch is queried when its first subscription asks for it,
 * at most GRAPH_QUERIES_IN_FLIGHT at once. A batch whose query fails (denied, throttled past
 * the retry budget, unreachable) gives `undefined` for its subscriptions: the collector lists
 * them through ARM, and the fallback is recorded and warned about.
 */
export class ResourceGraphInventory {
  readonly fallbacks: InventoryFallback[] = [];
  private readonly batchOf = new Map<string, number>();
  private readonly batches: string[][] = [];
  private readonly answers = new Map<number, Promise<ListedBySubscription | undefined>>();
  private readonly query: string;
  private queriedAt: string | undefined;
  private graphAnswered = false;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly clients: ArmClients,
    private readonly types: readonly string[],
    subscriptionIds: readonly string[],
    private readonly quota: UserQuota,
    private readonly warn: (text: string) => void = () => {},
    batchSize: number = GRAPH_BATCH_SIZE,
  ) {
    this.query = inventoryQuery(types);
    subscriptionIds.forEach((id, i) => {
      const batch = Math.floor(i / batchSize);
      (this.batches[batch] ??= []).push(id);
      this.batchOf.set(id.toLowerCase(), batch);
    });
  }

  /** The subscription's Graph listings, or undefined when they must be listed through ARM. */
  async listedFor(subscriptionId: string): Promise<ListedTopLevel | undefined> {
    const batch = this.batchOf.get(subscriptionId.toLowerCase());
    if (batch === undefined) return undefined;
    let answer = this.answers.get(batch);
    if (answer === undefined) {
      answer = this.read(this.batches[batch]!);
      this.answers.set(batch, answer);
    }
    return (await answer)?.get(subscriptionId.toLowerCase());
  }

  /** Where the inventory came from, as the snapshot records it. */
  record(): InventoryRecord {
    const inventory = this.fallbacks.length === 0 ? 'resource-graph' : this.graphAnswered ? 'mixed' : 'arm';
    return {
      inventory,
      ...(this.queriedAt === undefined ? {} : { inventoryQueriedAt: this.queriedAt }),
      ...(this.fallbacks.length === 0 ? {} : { inventoryFallback: [...this.fallbacks].sort((a, b) => (a.subscriptionId < b.subscriptionId ? -1 : 1)) }),
    };
  }

  private async read(subscriptions: readonly string[]): Promise<ListedBySubscription | undefined> {
    await this.turn();
    let answer: BatchAnswer;
    try {
      this.queriedAt ??= new Date().toISOString();
      answer = await queryBatch(this.clients, subscriptions, this.query, this.quota);
    } finally {
      this.release();
    }
    if (answer.kind === 'failed') {
      const { code, message } = answer.failure;
      for (const subscriptionId of subscriptions) this.fallbacks.push({ subscriptionId, code, message });
      this.warn(`Resource Graph's query failed for ${subscriptions.length} subscription${subscriptions.length === 1 ? '' : 's'} (${code}: ${message}); their resources were listed through ARM instead`);
      return undefined;
    }
    this.graphAnswered = true;
    return this.bySubscription(subscriptions, answer);
  }

  /** Each subscription's rows by type; every type azscan asked for is there, empty when Graph has none. */
  private bySubscription(subscriptions: readonly string[], answer: Exclude<BatchAnswer, { kind: 'failed' }>): ListedBySubscription {
    const rows = new Map<string, Map<string, unknown[]>>();
    for (const subscriptionId of subscriptions) rows.set(subscriptionId.toLowerCase(), new Map(this.types.map((type) => [typeKey(type), []])));
    // A row of a subscription not asked for is out of scope, whatever Graph meant by it.
    for (const row of answer.rows) rows.get(row.subscriptionKey)?.get(typeKey(String(row.resource.type)))?.push(row.resource);
    const failure = answer.kind === 'unreadable' ? answer.failure : undefined;
    const listed: ListedBySubscription = new Map();
    for (const [subscription, byType] of rows) {
      listed.set(
        subscription,
        new Map(
          [...byType].map(([type, resources]) => [
            type,
            failure === undefined ? async () => resources : async () => Promise.reject(new ReadFailure(failure.code, failure.message, resources)),
          ]),
        ),
      );
    }
    return listed;
  }

  /** A slot among GRAPH_QUERIES_IN_FLIGHT; a released slot passes straight to the next in line. */
  private async turn(): Promise<void> {
    if (this.inFlight < GRAPH_QUERIES_IN_FLIGHT) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}

type ListedBySubscription = Map<string, ListedTopLevel>;

/**
 * The Graph inventory a collection uses: undefined for ARM lists (`--inventory arm`, `auto` at
 * or below the threshold, or a plan with no type Graph lists).
 */
export function graphInventoryFor(
  clients: ArmClients,
  plan: CollectionPlan,
  subscriptionIds: readonly string[],
  mode: InventoryMode,
  maxWaitMs: number,
  warn?: (text: string) => void,
): ResourceGraphInventory | undefined {
  const types = graphTypesOf(plan);
  if (types.length === 0 || !usesResourceGraph(mode, subscriptionIds.length)) return undefined;
  return new ResourceGraphInventory(clients, types, subscriptionIds, new UserQuota(maxWaitMs), warn);
}
