import type { SubscriptionInfo } from './types.js';

/**
 * Subscription states whose resources still exist and are scanned. Disabled and Deleted
 * subscriptions are skipped and listed as such; Warned and PastDue ones are live estates.
 */
const SCANNED_STATES = new Set(['enabled', 'warned', 'pastdue']);

export function isScannedState(state: string | undefined): boolean {
  return state === undefined || SCANNED_STATES.has(state.toLowerCase());
}

/** Subscriptions left out on purpose because of their state (not those azscan could not see). */
export function skippedSubscriptions(subscriptions: readonly SubscriptionInfo[]): SubscriptionInfo[] {
  return subscriptions.filter((sub) => !isScannedState(sub.state) && sub.state !== 'NotFound');
}
