import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotFileWriter } from '../../src/collect/snapshot-file-writer.js';
import { idKey } from '../../src/inventory/arm-id.js';
import type { CollectionError } from '../../src/inventory/types.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-writer-'));
let runs = 0;

/** How `azscan collect` wrote a snapshot before it wrote as it read: the whole estate sorted by id, then one JSON.stringify. */
function wholeSnapshot(fields: { tenantId: string; collectedAt: string; subscriptions: object[]; collected: string[]; errors: CollectionError[] }, resources: unknown[]): string {
  const key = (r: unknown) => (typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string' ? idKey((r as { id: string }).id) : '\uffff');
  const sorted = resources.map((resource) => ({ resource, key: key(resource) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((entry) => entry.resource);
  const errorKey = (e: CollectionError) => `${idKey(e.scope)}|${e.resourceType ?? ''}`;
  const errors = [...fields.errors].sort((a, b) => (errorKey(a) < errorKey(b) ? -1 : errorKey(a) > errorKey(b) ? 1 : 0));
  return `${JSON.stringify({ schemaVersion: 1, tenantId: fields.tenantId, collectedAt: fields.collectedAt, subscriptions: fields.subscriptions, collected: fields.collected, resources: sorted, errors }, null, 2)}\n`;
}

const subscriptionIds = ['a', 'ab', 'B', 'c0', '00000000-0000-0000-0000-000000000001'];
const hostile = fc.string({ unit: fc.constantFrom('"', '\\', '{', ']', '\n', 'é', '😀', 'x', '/') , maxLength: 6 });

describe('collect --output FILE, written a subscription at a time', () => {
  it('is the text the whole-estate writer gave, for any order the subscriptions finish in, strays and ids in any case included', () => {
    const estate = fc.uniqueArray(fc.constantFrom(...subscriptionIds), { minLength: 1 }).chain((subs) =>
      fc.tuple(
        fc.constant(subs),
        fc.array(
          fc.tuple(
            fc.constantFrom(...subs),
            fc.oneof(
              // Resources in their subscription, with the id's case varied.
              fc.tuple(fc.constantFrom('rg', 'RG', 'rg2'), fc.constantFrom('a', 'B', 'c/child/d'), hostile).map(([rg, name, text]) => ({ rg, name, text })),
              // What a read may return outside its subscription, or without an id.
              fc.constantFrom('/providers/Microsoft.Management/x', '/subscriptions/zz/resourceGroups/r/providers/N.S/t/n', '/subscriptions/ab/resourceGroups/rg/providers/N.S/t/stray', null),
            ),
          ),
          { maxLength: 25 },
        ),
        fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      ),
    );
    fc.assert(
      fc.property(estate, ([subs, items, order]) => {
        const bySubscription = new Map<string, unknown[]>(subs.map((sub) => [sub, []]));
        items.forEach(([sub, item], i) => {
          const resource =
            item === null
              ? { name: `no-id-${i}`, properties: {} }
              : typeof item === 'string'
                ? { id: item, type: 'N.S/t', properties: { i } }
                : { id: `/subscriptions/${i % 2 ? sub.toUpperCase() : sub}/resourceGroups/${item.rg}/providers/N.S/t/${item.name}`, type: 'N.S/t', properties: { text: item.text, i } };
          bySubscription.get(sub)!.push(resource);
        });
        const fields = {
          tenantId: 't',
          collectedAt: '2026-01-01T00:00:00.000Z',
          subscriptions: subs.map((subscriptionId) => ({ subscriptionId, state: 'Enabled' })),
          collected: ['N.S/t'],
          errors: [{ scope: '/subscriptions/zz', code: 'SubscriptionNotFound', message: 'x' }] as CollectionError[],
        };
        const output = join(dir, `snapshot-${runs++}.json`);
        const writer = new SnapshotFileWriter(output);
        writer.begin({ tenantId: 't', subscriptions: fields.subscriptions, collected: fields.collected, errors: fields.errors });
        const finishing = [...subs].sort((a, b) => (order[subs.indexOf(a)]! - order[subs.indexOf(b)]!));
        const partErrors: CollectionError[] = [];
        for (const sub of finishing) {
          const own = bySubscription.get(sub)!;
          const key = (r: unknown) => ((r as { id?: string }).id === undefined ? '\uffff' : idKey((r as { id: string }).id));
          const sorted = [...own].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
          const errors = own.length % 2 ? [{ scope: `/subscriptions/${sub}`, resourceType: 'N.S/t', code: 'AuthorizationFailed', message: 'no' }] : [];
          partErrors.push(...errors);
          writer.subscriptionRead({ subscriptionId: sub, state: 'Enabled' }, sorted, errors);
        }
        const failed = writer.finish(fields);
        writer.cleanUp();
        expect(failed).toBe(1 + partErrors.length);
        // The whole-estate writer sorted the resources in the order the subscriptions finished.
        expect(readFileSync(output, 'utf8')).toBe(wholeSnapshot({ ...fields, errors: [...fields.errors, ...partErrors] }, finishing.flatMap((sub) => bySubscription.get(sub)!)));
      }),
      { numRuns: 150 },
    );
    // No part is left behind.
    expect(readdirSync(dir).filter((name) => !name.startsWith('snapshot-'))).toEqual([]);
  });
});
