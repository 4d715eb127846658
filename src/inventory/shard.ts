import { createHash } from 'node:crypto';
import { UsageError } from './errors.js';

/** `--shard I/N`: this run scans the I-th of N parts of the selected subscriptions (1-based). */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** The largest N: a thousand machines is already more than any CI matrix allows. */
const MAX_SHARDS = 1000;

export function parseShard(text: string, flag = '--shard'): ShardSpec {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (!match) throw new UsageError(`${flag} ${text}: expected I/N, e.g. 2/8 (the second of eight shards)`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`${flag} ${text}: N must be from 1 to ${MAX_SHARDS}`);
  if (index < 1 || index > count) throw new UsageError(`${flag} ${text}: I must be from 1 to N (${count})`);
  return { index, count };
}

/**
 * The shard (1-based) a subscription belongs to when split by hash: a function of the
 * subscription id and N alone, so adding or removing a subscription moves no other, and every
 * machine of a CI matrix agrees without talking to the others. Ids compare case-insensitively,
 * as ARM's do.
 */
export function hashShardOf(subscriptionId: string, count: number): number {
  const digest = createHash('sha256').update(subscriptionId.trim().toLowerCase()).digest();
  // 48 bits of the digest: uniform enough for any N up to MAX_SHARDS, and exact in a double.
  return (digest.readUIntBE(0, 6) % count) + 1;
}

/** True when the subscription is in this shard. */
export function inShard(subscriptionId: string, shard: ShardSpec): boolean {
  return hashShardOf(subscriptionId, shard.count) === shard.index;
}

/**
 * Which shard each subscription goes to. Every machine of a CI matrix must build the same
 * assignment from the same inputs, since none talks to another.
 */
export interface ShardAssignment {
  readonly count: number;
  /** `hash`, or `weights` with `--shard-weights`. */
  readonly mode: 'hash' | 'weights';
  /** What the assignment depends on besides N, for the selection hash: empty for `hash`. */
  readonly identity: string;
  shardOf(subscriptionId: string): number;
}

/** One shard of a split: its index and how subscriptions are assigned (what a live collection reads by). */
export interface ShardOfSplit {
  readonly index: number;
  readonly assignment: ShardAssignment;
}

export function hashAssignment(count: number): ShardAssignment {
  return { count, mode: 'hash', identity: '', shardOf: (subscriptionId) => hashShardOf(subscriptionId, count) };
}

/**
 * `--shard-weights`: subscriptions by resource count (from an earlier report), largest first,
 * each onto the shard with the least load so far (the lowest index on a tie; equal weights in
 * id order), which keeps the largest shard near the average where hashing can pile several big
 * subscriptions onto one. A subscription the weights do not name goes where the hash puts it.
 * Unlike the hash, the assignment moves subscriptions when the weights change.
 */
export function weightedAssignment(weights: ReadonlyMap<string, number>, count: number): ShardAssignment {
  const byKey = new Map<string, number>();
  for (const [id, weight] of weights) byKey.set(id.trim().toLowerCase(), (byKey.get(id.trim().toLowerCase()) ?? 0) + weight);
  const ordered = [...byKey].sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0));
  const loads = new Array<number>(count).fill(0);
  const shardOfKey = new Map<string, number>();
  for (const [id, weight] of ordered) {
    let lightest = 0;
    for (let i = 1; i < count; i++) if (loads[i]! < loads[lightest]!) lightest = i;
    loads[lightest] = loads[lightest]! + weight;
    shardOfKey.set(id, lightest + 1);
  }
  const identity = createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
  return {
    count,
    mode: 'weights',
    identity,
    shardOf: (subscriptionId) => shardOfKey.get(subscriptionId.trim().toLowerCase()) ?? hashShardOf(subscriptionId, count),
  };
}
