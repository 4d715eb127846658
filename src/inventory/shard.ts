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
