import { DEFAULT_RETRY_OPTIONS } from '../collect/arm-policy.js';
import type { LiveOptions } from '../collect/collect.js';
import { UsageError } from '../errors.js';
import { checkOutputPaths } from './outputs.js';

/** The flags that say where and how to read a live estate, shared by `scan` and `collect`. */
export interface LiveFlags {
  tenant?: string;
  subscription: string[];
  cloud?: string;
  armEndpoint?: string;
  retryBudget: string;
  maxWait: string;
  quiet?: boolean;
}

/** The flags every command that reads an estate has: where it reads from, besides the live ones. */
export interface SourceFlags extends LiveFlags {
  snapshot?: string;
  config?: string;
}

/**
 * The checks scan, collect and exposure share, made before anything is read or written:
 * every output can be written, and none overwrites a file the command reads or another output.
 */
export function checkFlags(flags: SourceFlags, outputs: readonly string[]): void {
  checkOutputPaths(outputs, [
    ...(flags.snapshot !== undefined ? [{ flag: '--snapshot', path: flags.snapshot }] : []),
    ...(flags.config !== undefined ? [{ flag: '--config', path: flags.config }] : []),
  ]);
}

export function liveOptions(flags: LiveFlags): LiveOptions {
  return {
    ...(flags.tenant ? { tenant: flags.tenant } : {}),
    subscriptions: flags.subscription,
    ...(flags.cloud ? { cloud: flags.cloud } : {}),
    ...(flags.armEndpoint ? { armEndpoint: flags.armEndpoint } : {}),
    retry: {
      ...DEFAULT_RETRY_OPTIONS,
      budget: wholeNumber(flags.retryBudget, '--retry-budget'),
      maxWaitMs: wholeNumber(flags.maxWait, '--max-wait') * 1000,
    },
    quiet: flags.quiet ?? false,
  };
}

function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new UsageError(`${flag}: '${text}' is not a whole number`);
  return value;
}
