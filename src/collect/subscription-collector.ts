import { typeKey } from '../inventory/arm-id.js';
import { SUBSCRIPTION_TYPE } from '../inventory/arm-types.js';
import { type CollectionError, isJsonObject } from '../inventory/types.js';
import type { ArmClients } from './clients.js';
import { diagnosticTargetOf, type CollectionPlan } from './plan.js';
import type { Progress } from './progress.js';
import { asReadFailure, ReadFailure } from './read.js';
import { DIAGNOSTIC_SETTING_TYPE, readDiagnosticSettings, type ParentResource, type ResourceReader } from './readers/index.js';

/** Reads one subscription: each type after its parent type, children per parent, diagnostic settings per target. */
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
      const listed = parent === undefined ? this.listed?.get(typeKey(reader.type)) : undefined;
      const items = listed ? await listed() : await reader.read(this.clients, this.subscriptionId, parent);
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
