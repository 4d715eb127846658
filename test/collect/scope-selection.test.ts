import { describe, expect, it } from 'vitest';
import { excludeSubscriptions, selectGroupSubscriptions, splitByShard } from '../../src/collect/subscriptions.js';
import { liveOptions } from '../../src/cli/live-options.js';
import { hashAssignment, hashShardOf, weightedAssignment } from '../../src/inventory/shard.js';

const A = { subscriptionId: '5c0be000-0000-4000-8000-000000000001', displayName: 'spoke', state: 'Enabled' };
const B = { subscriptionId: '5c0be000-0000-4000-8000-000000000002', displayName: 'hub', state: 'Enabled' };
const HIDDEN = '5c0be000-0000-4000-8000-000000000007';

describe('the live scope, from what the credential sees', () => {
  it('takes a group\'s subscriptions once each, keeping one it cannot see as not evaluated', () => {
    const { subscriptions, errors } = selectGroupSubscriptions([A, B], [
      { group: 'one', subscriptions: [{ subscriptionId: A.subscriptionId.toUpperCase() }, { subscriptionId: HIDDEN, displayName: 'secret' }] },
      { group: 'two', subscriptions: [{ subscriptionId: A.subscriptionId }] },
    ]);
    expect(subscriptions).toEqual([A, { subscriptionId: HIDDEN, displayName: 'secret', state: 'NotFound' }]);
    expect(errors.map((error) => [error.scope, error.code])).toEqual([[`/subscriptions/${HIDDEN}`, 'SubscriptionNotFound']]);
    expect(() => selectGroupSubscriptions([A], [{ group: 'empty', subscriptions: [] }])).toThrow("--management-group 'empty': the group has no subscriptions, at any depth; nothing to scan");
  });

  it('excludes by id or name with what was recorded about them, warns about one not selected, and refuses to exclude everything', () => {
    const warnings: string[] = [];
    const selected = { subscriptions: [A, B, { subscriptionId: HIDDEN, state: 'NotFound' }], errors: [{ scope: `/subscriptions/${HIDDEN}`, code: 'SubscriptionNotFound', message: 'x' }] };
    const left = excludeSubscriptions(selected, ['HUB', HIDDEN, 'nope'], (text) => warnings.push(text));
    expect(left).toEqual({ subscriptions: [A], errors: [] });
    expect(warnings).toEqual(["--exclude-subscription 'nope': not among the subscriptions selected; nothing excluded"]);
    expect(() => excludeSubscriptions({ subscriptions: [A], errors: [] }, [A.subscriptionId], () => undefined)).toThrow('--exclude-subscription excludes every subscription selected (1); nothing to scan');
  });

  it('splits by the shared hash, the other shards\' subscriptions kept aside', () => {
    const shardOfA = hashShardOf(A.subscriptionId, 2);
    const split = splitByShard({ subscriptions: [A, B], errors: [] }, { index: shardOfA, assignment: hashAssignment(2) });
    expect(split.subscriptions).toEqual([A]);
    expect(split.others).toEqual([B]);
    expect(splitByShard({ subscriptions: [A, B], errors: [] }, undefined)).toEqual({ subscriptions: [A, B], errors: [], others: [] });
  });

  it('splits by --shard-weights when the scan gives its weighted assignment: the heavier subscription alone', () => {
    const weighted = weightedAssignment(new Map([[A.subscriptionId, 900], [B.subscriptionId, 10]]), 2);
    const first = splitByShard({ subscriptions: [A, B], errors: [] }, { index: 1, assignment: weighted });
    const second = splitByShard({ subscriptions: [A, B], errors: [] }, { index: 2, assignment: weighted });
    expect(first.subscriptions).toEqual([A]);
    expect(second.subscriptions).toEqual([B]);
  });
});

describe('the scope flags', () => {
  it('hands the groups, exclusions and shard to the collector, and refuses what cannot be meant', () => {
    const options = liveOptions({ subscription: [], managementGroup: ['mg-prod'], excludeSubscription: ['hub'], shard: '2/3' });
    expect(options).toMatchObject({ managementGroups: ['mg-prod'], excludeSubscriptions: ['hub'], shard: { index: 2, assignment: { count: 3, mode: 'hash' } } });
    expect(() => liveOptions({ subscription: [A.subscriptionId], managementGroup: ['mg-prod'] })).toThrow(/^--subscription and --management-group: give one or the other/);
    expect(() => liveOptions({ subscription: [], managementGroup: ['../../subscriptions'] })).toThrow("--management-group: '../../subscriptions' is not a management group id");
    expect(() => liveOptions({ subscription: [], excludeSubscription: [' '] })).toThrow("--exclude-subscription: ' ' is empty");
    expect(() => liveOptions({ subscription: [], shard: '3/2' })).toThrow('--shard 3/2: I must be from 1 to N (2)');
  });
});
