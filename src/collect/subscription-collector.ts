import { typeKey } from '../inventory/arm-id.js';
import { SUBSCRIPTION_TYPE } from '../inventory/arm-types.js';
import { type CollectionError, isJsonObject } from '../inventory/types.js';
import type { ArmClients } from './clients.js';
import { diagnosticTargetOf, type CollectionPlan } from './plan.js';
import type { Progress } from './progress.js';
import { asReadFailure, type PageSink, ReadFailure } from './read.js';
import { DIAGNOSTIC_SETTING_TYPE, readDiagnosticSettings, type ParentResource, type ResourceReader } from './readers/index.js';

/** Reads one subscription: children per parent and diagnostic settings per target, each started as a page of its parents arrives. */
export class SubscriptionCollector {
  readonly resources: unknown[] = [];
  readonly errors: CollectionError[] = [];
  private readonly scope: string;

  constructor(
    private readonly clients: ArmClients,
    private readonly plan: CollectionPlan,
    private readonly subscriptionId: string,
    private readonly progress: Progress,
    /** Top-level types listed elsewhere (Resource Graph), by type key: read from there, their children through ARM. */
    private readonly listed?: ReadonlyMap<string, () => Promise<unknown[]>>,
  ) {
    this.scope = `/subscriptions/${subscriptionId}`;
  }

  async run(): Promise<void> {
    const diagnosticReads: Array<Promise<void>> = [];
    const roots = this.plan.readers.filter((reader) => reader.parentType === undefined);
    // The subscription itself is a parent too: of its own diagnostic settings (the activity log
    // export) and of any type read once per subscription as its child.
    const subscription: ParentResource = { id: this.scope, name: this.subscriptionId };
    const belowSubscription = this.openBelow(SUBSCRIPTION_TYPE, diagnosticReads);
    belowSubscription.add([subscription]);
    await Promise.all([
      ...roots.map((reader) => {
        const type = this.openType(reader, diagnosticReads);
        type.add([undefined]);
        return type.end();
      }),
      belowSubscription.end(),
    ]);
    await Promise.all(diagnosticReads);
    if (this.plan.diagnosticTargetTypes.size > 0) this.progress.counts.typesDone++;
  }

  /**
   * The reads of `reader`'s type: once (a parent of `undefined`), or once per parent as its
   * parents' pages arrive. What hangs below each page of it is started as that page arrives,
   * not once the whole list is read. `end` is called once every parent has been added, and
   * resolves when this type and everything below it is read.
   */
  private openType(reader: ResourceReader, diagnosticReads: Array<Promise<void>>): OpenReads<ParentResource | undefined> {
    const below = this.openBelow(reader.type, diagnosticReads);
    const reads: Array<Promise<void>> = [];
    return {
      add: (parents) => {
        for (const parent of parents) reads.push(this.read(reader, parent, (page) => below.add(page)));
      },
      end: async () => {
        await Promise.all(reads);
        this.progress.counts.typesDone++;
        await below.end();
      },
    };
  }

  /** What hangs off resources of `type`, read page by page: their diagnostic settings, when planned, and their child types. */
  private openBelow(type: string, diagnosticReads: Array<Promise<void>>): OpenReads<unknown> {
    const diagnostics = this.plan.diagnosticTargetTypes.has(typeKey(type));
    const children = this.plan.readers
      .filter((child) => child.parentType !== undefined && typeKey(child.parentType) === typeKey(type))
      .map((child) => this.openType(child, diagnosticReads));
    return {
      add: (items) => {
        const parents = items.flatMap(parentOf);
        if (diagnostics) {
          for (const resource of parents) {
            const targetId = diagnosticTargetOf(type, resource);
            if (targetId !== undefined) diagnosticReads.push(this.readDiagnostics(targetId));
          }
        }
        for (const child of children) child.add(parents);
      },
      end: async () => {
        await Promise.all(children.map((child) => child.end()));
      },
    };
  }

  /**
   * One read of `reader`'s type, for `parent`. Its items go to `below` page by page as the
   * reader hands them over; what it returns without having handed it over (a reader that does
   * not page, or the items a failed read kept) goes last, so every item read is a parent once.
   */
  private async read(reader: ResourceReader, parent: ParentResource | undefined, below: PageSink): Promise<void> {
    let handedOver = 0;
    const onPage: PageSink = (page) => {
      handedOver += page.length;
      below(page);
    };
    let items: readonly unknown[];
    try {
      // Top-level resources Resource Graph listed come whole; they are handed over below as one page.
      const listed = parent === undefined ? this.listed?.get(typeKey(reader.type)) : undefined;
      items = listed ? await listed() : await reader.read(this.clients, this.subscriptionId, parent, onPage);
      this.resources.push(...items);
    } catch (error) {
      const failure = asReadFailure(error, []);
      this.fail(parent?.id ?? this.scope, reader.type, failure);
      items = failure.partial;
    }
    if (items.length > handedOver) below(items.slice(handedOver));
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

/** Reads that are fed as what they hang off is read, then ended once it all has been. */
interface OpenReads<T> {
  add(items: readonly T[]): void;
  end(): Promise<void>;
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
