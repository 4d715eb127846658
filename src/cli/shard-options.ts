import { parseShardWeights } from '../engine/shard-weights.js';
import type { ScanShard } from '../engine/shard-scope.js';
import { selectionHash, type ShardedSelection } from '../engine/selection-hash.js';
import { UsageError } from '../inventory/errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { hashAssignment, parseShard, weightedAssignment, type ShardAssignment, type ShardSpec } from '../inventory/shard.js';
import { readInputText } from './baseline-file.js';
import type { LiveFlags } from './live-options.js';
import { checkOutputPaths } from './outputs.js';

export interface ShardFlags {
  shard?: string;
  shardWeights?: string;
  baseline?: string;
}

export interface ShardPlan {
  readonly spec: ShardSpec;
  readonly assignment: ShardAssignment;
}

/** `--shard I/N` and `--shard-weights FILE`, checked before anything is read; undefined without --shard. */
export function planShard(flags: ShardFlags, outputs: readonly string[]): ShardPlan | undefined {
  if (flags.shard === undefined) {
    if (flags.shardWeights !== undefined) throw new UsageError('--shard-weights FILE needs --shard I/N (it says how to split the subscriptions into N shards)');
    return undefined;
  }
  const spec = parseShard(flags.shard);
  // A baseline's fixed and unknown lists need the whole scan's outcomes, which no shard has:
  // compare the merged report instead.
  if (flags.baseline !== undefined) throw new UsageError('--baseline cannot be used with --shard (a shard does not see what was fixed elsewhere); merge the shards, then compare the merged report');
  if (flags.shardWeights === undefined) return { spec, assignment: hashAssignment(spec.count) };
  checkOutputPaths(outputs, [{ flag: '--shard-weights', path: flags.shardWeights }]);
  const weights = parseShardWeights(readInputText('--shard-weights', flags.shardWeights), flags.shardWeights);
  return { spec, assignment: weightedAssignment(weights, spec.count) };
}

/** The engine's shard, with the selection hash of everything that must be the same in every shard. */
export function scanShard(plan: ShardPlan, selection: Omit<ShardedSelection, 'scope' | 'assignment'>, scope: readonly string[]): ScanShard {
  return { index: plan.spec.index, assignment: plan.assignment, selectionHash: selectionHash({ ...selection, scope, assignment: plan.assignment }) };
}

/**
 * What was scanned before the split, the same on every machine of the matrix: a snapshot's
 * subscription list (or the subscriptions its resources name), never its path; for a live scan,
 * the flags that chose the subscriptions.
 */
export function scopeOf(flags: LiveFlags & { snapshot?: string }, inventory: Inventory): string[] {
  if (flags.snapshot !== undefined) {
    const listed = inventory.subscriptions.map((sub) => sub.subscriptionId);
    const named = listed.length > 0 ? listed : inventory.resources.flatMap((resource) => (resource.subscriptionId === undefined ? [] : [resource.subscriptionId]));
    return ['snapshot', ...new Set(named.map((id) => id.trim().toLowerCase()))];
  }
  return [
    'live',
    `tenant:${flags.tenant?.toLowerCase() ?? ''}`,
    `cloud:${flags.cloud?.toLowerCase() ?? ''}`,
    `arm:${flags.armEndpoint ?? ''}`,
    ...flags.subscription.map((id) => `subscription:${id.trim().toLowerCase()}`),
    ...(flags.managementGroup ?? []).map((id) => `management-group:${id.trim().toLowerCase()}`),
    ...(flags.excludeSubscription ?? []).map((id) => `exclude:${id.trim().toLowerCase()}`),
  ];
}
