/**
 * A subscription's reads go page by page: the reads below a list (its children, theirs) start
 * for each page of it as that page arrives, not once the whole list is read — while every item
 * is still a parent exactly once, failures are recorded per type and parent, and the progress
 * counts each type once.
 */
import { describe, expect, it } from 'vitest';
import { RequestStats } from '../../src/collect/arm-policy.js';
import type { ArmClients } from '../../src/collect/clients.js';
import type { CollectionPlan } from '../../src/collect/plan.js';
import { Progress } from '../../src/collect/progress.js';
import { ReadFailure } from '../../src/collect/read.js';
import type { ParentResource, ResourceReader } from '../../src/collect/readers/index.js';
import { SubscriptionCollector } from '../../src/collect/subscription-collector.js';

const SUB = '00000000-0000-0000-0000-000000000001';
const PARENT = 'Microsoft.Test/parents';
const CHILD = 'Microsoft.Test/parents/children';
const LEAF = 'Microsoft.Test/parents/children/leaves';
const parent = (n: number) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg/providers/${PARENT}/p${n}`, name: `p${n}`, type: PARENT });

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** A reader of `type` under `parentType` that records the parents it was asked for, and reads one item under each. */
function childReader(type: string, parentType: string, started: string[], fails?: (parent: ParentResource) => boolean): ResourceReader {
  return {
    type,
    parentType,
    request: { path: `{x}/${type}`, apiVersion: '1' },
    read: async (_clients, _sub, of) => {
      started.push(of!.id);
      await Promise.resolve();
      if (fails?.(of!)) throw new ReadFailure('AuthorizationFailed', '403: no');
      return [{ id: `${of!.id}/${type.split('/').at(-1)}/x`, name: 'x', type }];
    },
  };
}

function collector(readers: ResourceReader[]) {
  const plan: CollectionPlan = { readers, diagnosticTargetTypes: new Set(), collected: [], reads: [] };
  const progress = new Progress(new RequestStats(), false);
  return { progress, collector: new SubscriptionCollector({} as ArmClients, plan, SUB, progress) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SubscriptionCollector', () => {
  it('starts the reads below each page of a list as the page arrives, before the list is read to its end', async () => {
    const secondPage = gate();
    const listed: ResourceReader = {
      type: PARENT,
      request: { path: '/subscriptions/{subscriptionId}/providers/Microsoft.Test/parents', apiVersion: '1' },
      read: async (_clients, _sub, _parent, onPage) => {
        onPage?.([parent(1), parent(2)]);
        await secondPage.opened;
        onPage?.([parent(3)]);
        return [parent(1), parent(2), parent(3)];
      },
    };
    const children: string[] = [];
    const leaves: string[] = [];
    const { collector: run, progress } = collector([listed, childReader(CHILD, PARENT, children), childReader(LEAF, CHILD, leaves)]);
    const done = run.run();
    await flush();
    // The list waits on its second page, and the first page's children (and theirs) are read already.
    expect(children).toEqual([parent(1).id, parent(2).id]);
    expect(leaves).toEqual([`${parent(1).id}/children/x`, `${parent(2).id}/children/x`]);
    expect(progress.counts.typesDone).toBe(0);

    secondPage.open();
    await done;
    expect(children.sort()).toEqual([1, 2, 3].map((n) => parent(n).id));
    expect(leaves).toHaveLength(3);
    expect(run.resources).toHaveLength(9);
    expect(run.errors).toEqual([]);
    expect(progress.counts.typesDone).toBe(3);
  });

  it('reads below every item once: pages handed over, what a reader returns without paging, and what a failed list kept', async () => {
    const failing: ResourceReader = {
      type: PARENT,
      request: { path: '/subscriptions/{subscriptionId}/providers/Microsoft.Test/parents', apiVersion: '1' },
      read: async (_clients, _sub, _parent, onPage) => {
        onPage?.([parent(1)]);
        throw new ReadFailure('NextLinkLoop', 'ARM returned a nextLink it had returned before', [parent(1)]);
      },
    };
    const notPaging: ResourceReader = { ...failing, type: 'Microsoft.Test/others', read: async () => [parent(7), parent(8)] };
    const children: string[] = [];
    const others: string[] = [];
    const { collector: run, progress } = collector([
      failing,
      notPaging,
      childReader(CHILD, PARENT, children),
      childReader('Microsoft.Test/others/children', 'Microsoft.Test/others', others, (of) => of.name === 'p8'),
    ]);
    await run.run();
    expect(children).toEqual([parent(1).id]);
    expect(others.sort()).toEqual([parent(7).id, parent(8).id]);
    expect(run.resources.map((item) => (item as { id: string }).id).sort()).toEqual(
      [parent(1).id, `${parent(1).id}/children/x`, parent(7).id, `${parent(7).id}/children/x`, parent(8).id].sort(),
    );
    expect(run.errors).toEqual([
      { scope: `/subscriptions/${SUB}`, resourceType: PARENT, code: 'NextLinkLoop', message: 'ARM returned a nextLink it had returned before' },
      { scope: parent(8).id, resourceType: 'Microsoft.Test/others/children', code: 'AuthorizationFailed', message: '403: no' },
    ]);
    expect(progress.counts.typesDone).toBe(4);
  });
});
