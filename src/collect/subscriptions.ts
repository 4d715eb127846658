import { AuthenticationError } from '../auth/errors.js';
import { InputError, UsageError } from '../inventory/errors.js';
import { type CollectionError, isJsonObject, type SubscriptionInfo } from '../inventory/types.js';
import type { ArmClients } from './clients.js';
import { asReadFailure } from './read.js';
import { readSubscriptionList } from './readers/index.js';

/** The subscriptions a live collection reads: those the credential can see, narrowed to `--subscription`. */

export interface ListedSubscription extends SubscriptionInfo {
  readonly tenantId?: string;
}

/** Every subscription the credential can see; a token ARM rejects is an authentication error, anything else that stops the list an input error. */
export async function listSubscriptions(clients: ArmClients, source: string): Promise<ListedSubscription[]> {
  let items: unknown[];
  try {
    items = await readSubscriptionList(clients);
  } catch (error) {
    const failure = asReadFailure(error, []);
    if (/^HTTP401$|InvalidAuthenticationToken|AuthenticationFailed|ExpiredAuthenticationToken/i.test(failure.code) || failure.message.startsWith('401')) {
      throw new AuthenticationError(`ARM rejected the token from ${source} (${failure.code}: ${failure.message}); get a new one with 'az account get-access-token' or run 'az login'`);
    }
    if (failure.code === 'ScanTimeout') throw new InputError(`${failure.message.replace(/this was read$/, 'the subscriptions could be listed')}; nothing was scanned`);
    throw new InputError(`cannot list subscriptions (${failure.code}: ${failure.message})`);
  }
  return items.filter(isJsonObject).flatMap((item) => {
    const subscriptionId = typeof item.subscriptionId === 'string' ? item.subscriptionId : undefined;
    if (!subscriptionId) return [];
    return [
      {
        subscriptionId,
        ...(typeof item.displayName === 'string' ? { displayName: item.displayName } : {}),
        ...(typeof item.state === 'string' ? { state: item.state } : {}),
        ...(typeof item.tenantId === 'string' ? { tenantId: item.tenantId } : {}),
      },
    ];
  });
}

/**
 * Narrows to `--subscription` ids or display names. An id asked for but not visible is kept,
 * with a failure covering everything in it, so the report says it was not scanned rather than
 * nothing. A name must match exactly one visible subscription (case-insensitively): a name
 * that matches none or several is a usage error listing the candidates, since guessing would
 * scan the wrong estate.
 */
export function selectSubscriptions(listed: readonly ListedSubscription[], wanted: readonly string[]): { subscriptions: ListedSubscription[]; errors: CollectionError[] } {
  if (wanted.length === 0) return { subscriptions: [...listed], errors: [] };
  const chosen = new Map<string, ListedSubscription>();
  const errors: CollectionError[] = [];
  for (const text of wanted) {
    const key = text.trim().toLowerCase();
    const byId = listed.find((sub) => sub.subscriptionId.toLowerCase() === key);
    if (byId) {
      chosen.set(key, byId);
      continue;
    }
    const byName = listed.filter((sub) => sub.displayName?.toLowerCase() === key);
    if (byName.length === 1) {
      chosen.set(byName[0]!.subscriptionId.toLowerCase(), byName[0]!);
      continue;
    }
    if (byName.length > 1) throw new UsageError(`--subscription '${text}': ${byName.length} subscriptions have that name: ${candidates(byName)}; give the id`);
    if (!SUBSCRIPTION_ID.test(key)) throw new UsageError(`--subscription '${text}': no subscription the credential can see has that id or name${listed.length > 0 ? ` (it sees ${candidates(listed)})` : ''}`);
    if (!chosen.has(key)) {
      chosen.set(key, { subscriptionId: key, state: 'NotFound' });
      errors.push({ scope: `/subscriptions/${key}`, code: 'SubscriptionNotFound', message: 'the credential cannot see this subscription' });
    }
  }
  return { subscriptions: [...chosen.values()], errors };
}

const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `id (name), id (name)`, at most ten of them. */
function candidates(subscriptions: readonly ListedSubscription[]): string {
  const shown = subscriptions.slice(0, 10).map((sub) => `${sub.subscriptionId}${sub.displayName ? ` (${sub.displayName})` : ''}`);
  return shown.join(', ') + (subscriptions.length > 10 ? `, and ${subscriptions.length - 10} more` : '');
}

export function tenantOf(listed: ListedSubscription[], requested: string | undefined): string | undefined {
  return requested ?? listed.find((sub) => sub.tenantId)?.tenantId;
}
