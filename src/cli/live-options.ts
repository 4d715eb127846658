import { resolveArmTarget } from '../auth/clouds.js';
import { DEFAULT_RETRY_OPTIONS } from '../collect/arm-policy.js';
import type { LiveOptions } from '../collect/collect.js';
import { UsageError } from '../inventory/errors.js';
import { hashAssignment, parseShard, type ShardOfSplit } from '../inventory/shard.js';
import type { InventoryMode } from '../collect/resource-graph/mode.js';
import { checkOutputPaths } from './outputs.js';
import { warn } from './output.js';

/**
 * The flags that say where and how to read a live estate, shared by scan, collect and
 * exposure. None has a commander default, so that a flag that is set is a flag that was given:
 * the defaults are applied here, by liveOptions.
 */
export interface LiveFlags {
  tenant?: string;
  subscription: string[];
  managementGroup?: string[];
  excludeSubscription?: string[];
  /** `--shard I/N`: for live scans, read here; for snapshot scans, by the scan itself. */
  shard?: string;
  cloud?: string;
  armEndpoint?: string;
  retryBudget?: string;
  maxWait?: string;
  timeout?: string;
  /** One of INVENTORY_MODES: commander checks it. */
  inventory?: InventoryMode;
  quiet?: boolean;
}

/** The flags every command that reads an estate has: where it reads from, besides the live ones. */
export interface SourceFlags extends LiveFlags {
  snapshot?: string;
  config?: string;
}

/** The live flags as they are written on the command line, for the message that refuses them. */
const LIVE_FLAG_NAMES: ReadonlyArray<readonly [keyof LiveFlags, string]> = [
  ['tenant', '--tenant'],
  ['subscription', '--subscription'],
  ['managementGroup', '--management-group'],
  ['excludeSubscription', '--exclude-subscription'],
  ['cloud', '--cloud'],
  ['armEndpoint', '--arm-endpoint'],
  ['retryBudget', '--retry-budget'],
  ['maxWait', '--max-wait'],
  ['timeout', '--timeout'],
  ['inventory', '--inventory'],
];

/**
 * The checks scan, collect and exposure share, made before anything is read or written: every
 * live flag's value, in every mode (a typo fails now, not at the first live run); no live flag
 * with --snapshot, where it would do nothing; every output can be written, and none overwrites a
 * file the command reads or another output.
 */
export function checkFlags(flags: SourceFlags, outputs: readonly string[]): void {
  liveOptions(flags);
  if (flags.snapshot !== undefined) {
    const given = LIVE_FLAG_NAMES.filter(([key]) => {
      const value = flags[key];
      return Array.isArray(value) ? value.length > 0 : value !== undefined;
    });
    if (given.length > 0) {
      const names = given.map(([, name]) => name).join(', ');
      throw new UsageError(`${names}: ${given.length > 1 ? 'flags' : 'a flag'} for live scans, which ${given.length > 1 ? 'do' : 'does'} nothing with --snapshot (remove ${given.length > 1 ? 'them' : 'it'}, or drop --snapshot to read the live estate)`);
    }
  }
  checkOutputPaths(outputs, [
    ...(flags.snapshot !== undefined ? [{ flag: '--snapshot', path: flags.snapshot }] : []),
    ...(flags.config !== undefined ? [{ flag: '--config', path: flags.config }] : []),
  ]);
}

/** The live flags parsed and checked, with the defaults for those not given. */
/**
 * The live options from the flags. `shard` is the scan's split when it has one (`--shard-weights`
 * changes who is in it); otherwise `--shard` splits by hash.
 */
export function liveOptions(flags: LiveFlags, shard?: ShardOfSplit): LiveOptions {
  if (flags.tenant !== undefined && !/^[0-9A-Za-z.-]+$/.test(flags.tenant)) {
    // As @azure/identity checks it: a tenant id (a GUID) or a domain name.
    throw new UsageError(`--tenant: '${flags.tenant}' is not a tenant id or domain name`);
  }
  const blank = flags.subscription.find((subscription) => subscription.trim() === '');
  if (blank !== undefined) throw new UsageError(`--subscription: '${blank}' is empty (expected a subscription id or name)`);
  const managementGroups = flags.managementGroup ?? [];
  const badGroup = managementGroups.find((group) => !MANAGEMENT_GROUP_ID.test(group));
  if (badGroup !== undefined) throw new UsageError(`--management-group: '${badGroup}' is not a management group id (its name: letters, digits, '-', '_', '(', ')', '.'; up to 90)`);
  if (managementGroups.length > 0 && flags.subscription.length > 0) {
    throw new UsageError('--subscription and --management-group: give one or the other (narrow a management group with --exclude-subscription)');
  }
  const excluded = flags.excludeSubscription ?? [];
  const blankExcluded = excluded.find((subscription) => subscription.trim() === '');
  if (blankExcluded !== undefined) throw new UsageError(`--exclude-subscription: '${blankExcluded}' is empty (expected a subscription id or name)`);
  // Checks --arm-endpoint (an https URL) and --cloud; the collector resolves them again to sign in.
  resolveArmTarget(flags.cloud, flags.armEndpoint);
  return {
    ...(flags.tenant !== undefined ? { tenant: flags.tenant } : {}),
    subscriptions: flags.subscription,
    ...(managementGroups.length > 0 ? { managementGroups } : {}),
    ...(excluded.length > 0 ? { excludeSubscriptions: excluded } : {}),
    ...(shard !== undefined ? { shard } : flags.shard !== undefined ? { shard: hashShard(flags.shard) } : {}),
    ...(flags.cloud !== undefined ? { cloud: flags.cloud } : {}),
    ...(flags.armEndpoint !== undefined ? { armEndpoint: flags.armEndpoint } : {}),
    retry: {
      ...DEFAULT_RETRY_OPTIONS,
      ...(flags.retryBudget !== undefined ? { budget: wholeNumber(flags.retryBudget, '--retry-budget') } : {}),
      ...(flags.maxWait !== undefined ? { maxWaitMs: seconds(flags.maxWait, '--max-wait', 'whole') * 1000 } : {}),
    },
    ...(flags.timeout !== undefined ? { timeoutMs: seconds(flags.timeout, '--timeout', 'positive') * 1000 } : {}),
    ...(flags.inventory !== undefined ? { inventory: flags.inventory } : {}),
    // Scope warnings and a Resource Graph query that fell back to ARM are said on stderr, even with --quiet.
    warn,
    quiet: flags.quiet ?? false,
  };
}

/** A management group's id is its name, as Azure allows it; nothing here may change the URL it is put in. */
const MANAGEMENT_GROUP_ID = /^[A-Za-z0-9_().-]{1,90}$/;

function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new UsageError(`${flag}: '${text}' is not a whole number`);
  return value;
}

/** Node's timers hold at most 2^31-1 ms; a longer wait would fire at once. */
const MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** A number of seconds: `whole` (0 or more, as --max-wait takes) or `positive` (any number above 0, as --timeout). */
function seconds(text: string, flag: string, kind: 'whole' | 'positive'): number {
  const value = kind === 'whole' ? wholeNumber(text, flag) : Number(text);
  if (kind === 'positive' && (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0))) throw new UsageError(`${flag}: '${text}' is not a positive number of seconds`);
  if (value > MAX_SECONDS) throw new UsageError(`${flag}: '${text}' is more than ${MAX_SECONDS} seconds (about 24 days)`);
  return value;
}

function hashShard(text: string): ShardOfSplit {
  const spec = parseShard(text);
  return { index: spec.index, assignment: hashAssignment(spec.count) };
}
