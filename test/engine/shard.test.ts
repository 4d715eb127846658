import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { mergeShardReports } from '../../src/engine/merge.js';
import { scanInventory } from '../../src/engine/scan.js';
import { readShardReport } from '../../src/engine/shard-report.js';
import { selectionHash, type ShardedSelection } from '../../src/engine/selection-hash.js';
import { compareInputOrder } from '../../src/engine/shard-scope.js';
import { hashAssignment, hashShardOf, weightedAssignment, type ShardAssignment } from '../../src/inventory/shard.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { renderJson } from '../../src/report/json.js';
import { reportText } from '../../src/report/index.js';
import { multiSubscriptionEstate } from './multi-subscription-estate.js';

const subscriptionId = fc.uuid();
const estate = fc.uniqueArray(subscriptionId, { minLength: 1, maxLength: 60, selector: (id) => id.toLowerCase() });

function assign(ids: readonly string[], assignment: ShardAssignment): Map<string, number> {
  return new Map(ids.map((id) => [id, assignment.shardOf(id)]));
}

function maxLoad(weights: ReadonlyMap<string, number>, assignment: ShardAssignment): number {
  const loads = new Array<number>(assignment.count).fill(0);
  for (const [id, weight] of weights) loads[assignment.shardOf(id) - 1]! += weight;
  return Math.max(...loads);
}

describe('hash shards', () => {
  it('adding a subscription to the estate moves no other between shards (fast-check, seed 12, 500 runs)', () => {
    fc.assert(
      fc.property(estate, subscriptionId, fc.integer({ min: 1, max: 64 }), (ids, added, count) => {
        fc.pre(!ids.some((id) => id.toLowerCase() === added.toLowerCase()));
        const before = assign(ids, hashAssignment(count));
        const after = assign([...ids, added], hashAssignment(count));
        for (const id of ids) expect(after.get(id)).toBe(before.get(id));
        expect(after.get(added)).toBeGreaterThanOrEqual(1);
        expect(after.get(added)).toBeLessThanOrEqual(count);
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  it('puts a subscription in the same shard whatever the case or spaces of its id', () => {
    fc.assert(
      fc.property(subscriptionId, fc.integer({ min: 1, max: 1000 }), (id, count) => {
        expect(hashShardOf(` ${id.toUpperCase()} `, count)).toBe(hashShardOf(id, count));
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});

describe('--shard-weights', () => {
  /** A few large subscriptions among many small ones: what hashing handles worst. */
  const skewed = fc.tuple(
    fc.uniqueArray(subscriptionId, { minLength: 8, maxLength: 40, selector: (id) => id.toLowerCase() }),
    fc.array(fc.integer({ min: 2_000, max: 20_000 }), { minLength: 2, maxLength: 5 }),
    fc.integer({ min: 2, max: 6 }),
  );

  it('keeps the largest shard within the greedy bound, and lighter than hashing across skewed estates (fast-check, seed 21, 300 estates)', () => {
    let weightedTotal = 0;
    let hashedTotal = 0;
    let heavier = 0;
    for (const [ids, large, count] of fc.sample(skewed, { seed: 21, numRuns: 300 })) {
      const weights = new Map(ids.map((id, i) => [id, large[i] ?? 10 + ((i * 37) % 90)]));
      const weighted = maxLoad(weights, weightedAssignment(weights, count));
      const hashed = maxLoad(weights, hashAssignment(count));
      const total = [...weights.values()].reduce((a, b) => a + b, 0);
      // List scheduling's bound: at most the average plus the largest subscription.
      expect(weighted).toBeLessThanOrEqual(total / count + Math.max(...weights.values()));
      weightedTotal += weighted;
      hashedTotal += hashed;
      // Largest-first is not optimal: now and then a hash falls luckily.
      if (weighted > hashed) heavier++;
    }
    expect(weightedTotal).toBeLessThan(hashedTotal * 0.9);
    expect(heavier).toBeLessThan(300 * 0.05);
  });

  it('balances a skewed estate better than the hash, on one example', () => {
    const ids = Array.from({ length: 24 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const weights = new Map(ids.map((id, i) => [id, i < 4 ? 10_000 : 100]));
    const hashed = maxLoad(weights, hashAssignment(4));
    const weighted = maxLoad(weights, weightedAssignment(weights, 4));
    expect(weighted).toBe(10_500);
    expect(hashed).toBeGreaterThan(weighted);
  });

  it('gives every machine the same assignment from the same weights, in whatever order or case they were read', () => {
    fc.assert(
      fc.property(skewed, fc.integer({ min: 0, max: 1000 }), ([ids, large, count], seed) => {
        const entries = ids.map((id, i): [string, number] => [id, large[i % large.length]!]);
        const shuffled = [...entries].sort((a, b) => ((a[0].charCodeAt(seed % 30) || 0) - (b[0].charCodeAt(seed % 30) || 0))).map(([id, w]): [string, number] => [id.toUpperCase(), w]);
        const one = weightedAssignment(new Map(entries), count);
        const other = weightedAssignment(new Map(shuffled), count);
        expect(other.identity).toBe(one.identity);
        for (const id of ids) expect(other.shardOf(id)).toBe(one.shardOf(id));
      }),
      { seed: 22, numRuns: 200 },
    );
  });

  it('puts a subscription the weights do not name where the hash would', () => {
    const assignment = weightedAssignment(new Map([['a', 5]]), 7);
    const other = '11111111-2222-4333-8444-555555555555';
    expect(assignment.shardOf(other)).toBe(hashShardOf(other, 7));
  });
});

describe('merge at the engine', () => {
  it('equals the unsharded report for every N from 1 to 6, the shards in any order', () => {
    const snapshot = multiSubscriptionEstate();
    const whole = JSON.parse(reportText(renderJson, scanInventory(inventoryFromSnapshot(snapshot, 'estate.json'), { rules: RULES, today: '2026-01-01' }), { color: false, verbose: false }));
    delete whole.source;
    for (let count = 1; count <= 6; count++) {
      const assignment = hashAssignment(count);
      const reports = Array.from({ length: count }, (_, i) => {
        const result = scanInventory(inventoryFromSnapshot(snapshot, 'estate.json'), { rules: RULES, today: '2026-01-01', shard: { index: i + 1, assignment, selectionHash: 'same' } });
        return readShardReport(reportText(renderJson, result, { color: false, verbose: false }), `shard-${i + 1}.json`);
      });
      const { document, missing } = mergeShardReports(reports.reverse());
      expect(missing).toEqual([]);
      delete document.source;
      expect(JSON.stringify(document), `N=${count}`).toBe(JSON.stringify(whole));
    }
  });

  it('compares order keys element by element, numbers as numbers', () => {
    expect(compareInputOrder([0, 9], [0, 10])).toBeLessThan(0);
    expect(compareInputOrder([0, 0, 'b'], [0, 0, 'a'])).toBeGreaterThan(0);
    expect(compareInputOrder([1], [1, 0])).toBeLessThan(0);
  });
});

describe('what a shard owns', () => {
  it('reports a tenant-level failed read and a malformed entry without an id in shard 1 only', () => {
    const snapshot = multiSubscriptionEstate();
    for (const count of [2, 3]) {
      const results = Array.from({ length: count }, (_, i) =>
        scanInventory(inventoryFromSnapshot(snapshot, 'estate.json'), { rules: RULES, shard: { index: i + 1, assignment: hashAssignment(count), selectionHash: 'x' } }),
      );
      const tenantLevel = results.map((result) => result.collectionErrors.filter((error) => !error.scope.startsWith('/subscriptions/')).length);
      expect(tenantLevel).toEqual([1, ...new Array<number>(count - 1).fill(0)]);
      const withoutId = results.map((result) => result.notEvaluated.filter((entry) => entry.resourceId === undefined).length);
      expect(withoutId[0]).toBeGreaterThan(0);
      expect(withoutId.slice(1).every((n) => n === 0)).toBe(true);
    }
  });
});

describe('selectionHash', () => {
  const base: ShardedSelection = {
    rules: RULES.slice(0, 5),
    today: '2026-06-01',
    scope: ['snapshot', 'a', 'b'],
    assignment: hashAssignment(3),
    suppressions: [{ rule: RULES[0]!.id, resource: '*', reason: 'accepted', expires: '2026-12-31', source: 'azscan.config.yaml: suppressions[0]' }],
  };
  const hash = selectionHash(base);

  it('is the same for the same selection, whatever the order of rules and scope', () => {
    expect(selectionHash({ ...base, rules: [...base.rules].reverse(), scope: ['b', 'snapshot', 'a'] })).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each<[string, Partial<ShardedSelection>]>([
    ['another rule', { rules: RULES.slice(0, 6) }],
    ['another severity of a rule', { rules: [{ ...RULES[0]!, severity: RULES[0]!.severity === 'low' ? 'high' : 'low' }, ...RULES.slice(1, 5)] }],
    ['--severity', { minSeverity: 'high' }],
    ['--compliance', { compliance: 'mcsb' }],
    ['rule options', { ruleOptions: new Map([[RULES[0]!.id, { days: 30 }]]) }],
    ['a suppression', { suppressions: [] }],
    ['a suppression that has expired since', { today: '2027-01-01' }],
    ['the scope', { scope: ['snapshot', 'a', 'b', 'c'] }],
    ['N', { assignment: hashAssignment(4) }],
    ['weights', { assignment: weightedAssignment(new Map([['a', 1]]), 3) }],
  ])('changes with %s', (_what, change) => {
    expect(selectionHash({ ...base, ...change })).not.toBe(hash);
  });

  it('does not change with the day while no suppression expires', () => {
    expect(selectionHash({ ...base, today: '2026-06-02' })).toBe(hash);
  });
});
