import { DEFAULT_RETRY_OPTIONS } from '../collect/arm-policy.js';
import type { LiveOptions } from '../collect/collect.js';
import { UsageError } from '../errors.js';

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
