import { AuthenticationError } from '../auth/errors.js';
import { InputError, UsageError } from '../inventory/errors.js';
import type { ShardOfSplit } from '../inventory/shard.js';
import { type CollectionError, isJsonObject, type SubscriptionInfo } from '../inventory/types.js';
import type { ArmClients } from './clients.js';
import { asReadFailure, readList, type ReadFailure } from './read.js';
import { readSubscriptionList } from './readers/index.js';

/**
 * The subscriptions a live collection reads: those the credential can see, narrowed to
 * `--subscription` or to the descendants of `--management-group` (one or the other), less
 * `--exclude-subscription`, then split by `--shard`.
 */

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
    throwIfTokenRejected(failure, source);
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

/** A token ARM rejects is an authentication error, whatever was being read. */
function throwIfTokenRejected(failure: ReadFailure, source: string): void {
  if (/^HTTP401$|InvalidAuthenticationToken|AuthenticationFailed|ExpiredAuthenticationToken/i.test(failure.code) || failure.message.startsWith('401')) {
    throw new AuthenticationError(`ARM rejected the token from ${source} (${failure.code}: ${failure.message}); get a new one with 'az account get-access-token' or run 'az login'`);
  }
}

/** A subscription under a management group, as its descendants list names it. */
export interface GroupSubscription {
  readonly subscriptionId: string;
  readonly displayName?: string;
}

/**
 * The subscriptions under a management group and every group below it: ARM's descendants list
 * is already flattened, paged by nextLink. A group that cannot be read is an input error naming
 * it (exit 2): scanning the rest would look like the whole scope was scanned.
 */
export async function listGroupSubscriptions(clients: ArmClients, groupId: string, source: string): Promise<GroupSubscription[]> {
  let items: unknown[];
  try {
    const api = await clients.managementGroups();
    items = await readList((options) => api.managementGroups.listDescendants(groupId, options));
  } catch (error) {
    const failure = asReadFailure(error, []);
    throwIfTokenRejected(failure, source);
    throw new InputError(
      `--management-group '${groupId}': cannot read its descendants (${failure.code}: ${failure.message}); reading a group needs Reader on it (Microsoft.Management/managementGroups/descendants/read)`,
    );
  }
  return items.filter(isJsonObject).flatMap((item) => {
    // Descendants are groups (`Microsoft.Management/managementGroups`) and subscriptions (`/subscriptions`, id `/subscriptions/{id}`).
    const match = typeof item.id === 'string' ? /^\/subscriptions\/([^/]+)\/?$/i.exec(item.id) : null;
    if (!match) return [];
    const displayName = isJsonObject(item.properties) && typeof item.properties.displayName === 'string' ? item.properties.displayName : undefined;
    return [{ subscriptionId: match[1]!.toLowerCase(), ...(displayName === undefined ? {} : { displayName }) }];
  });
}

/**
 * The subscriptions of `--management-group`s, each once. One the credential cannot see is
 * kept, as `--subscription` keeps an id it cannot see: not evaluated, never dropped. Groups
 * with no subscription between them leave nothing to scan: an input error.
 */
export function selectGroupSubscriptions(listed: readonly ListedSubscription[], groups: ReadonlyArray<{ group: string; subscriptions: readonly GroupSubscription[] }>): { subscriptions: ListedSubscription[]; errors: CollectionError[] } {
  const chosen = new Map<string, ListedSubscription>();
  const errors: CollectionError[] = [];
  for (const { subscriptions } of groups) {
    for (const member of subscriptions) {
      const key = member.subscriptionId.toLowerCase();
      if (chosen.has(key)) continue;
      const visible = listed.find((sub) => sub.subscriptionId.toLowerCase() === key);
      if (visible) {
        chosen.set(key, visible);
        continue;
      }
      chosen.set(key, { subscriptionId: key, ...(member.displayName === undefined ? {} : { displayName: member.displayName }), state: 'NotFound' });
      errors.push({ scope: `/subscriptions/${key}`, code: 'SubscriptionNotFound', message: 'the credential cannot see this subscription, which is under the management group' });
    }
  }
  if (chosen.size === 0) {
    const names = groups.map(({ group }) => `'${group}'`).join(', ');
    throw new InputError(`--management-group ${names}: ${groups.length > 1 ? 'these groups have' : 'the group has'} no subscriptions, at any depth; nothing to scan`);
  }
  return { subscriptions: [...chosen.values()], errors };
}

/**
 * Removes `--exclude-subscription` ids or display names from the selection, with what was
 * recorded about them. One not in the selection is a warning (a typo, or a subscription already
 * out of scope); excluding every one is an input error, since nothing would be scanned.
 */
export function excludeSubscriptions(
  selected: { subscriptions: ListedSubscription[]; errors: CollectionError[] },
  exclude: readonly string[],
  warn: (text: string) => void,
): { subscriptions: ListedSubscription[]; errors: CollectionError[] } {
  if (exclude.length === 0) return selected;
  const excluded = new Set<string>();
  for (const text of exclude) {
    const key = text.trim().toLowerCase();
    const matches = selected.subscriptions.filter((sub) => sub.subscriptionId.toLowerCase() === key || sub.displayName?.toLowerCase() === key);
    if (matches.length === 0) warn(`--exclude-subscription '${text}': not among the subscriptions selected; nothing excluded`);
    for (const sub of matches) excluded.add(sub.subscriptionId.toLowerCase());
  }
  const subscriptions = selected.subscriptions.filter((sub) => !excluded.has(sub.subscriptionId.toLowerCase()));
  if (subscriptions.length === 0) {
    throw new InputError(`--exclude-subscription excludes every subscription selected (${selected.subscriptions.length}); nothing to scan`);
  }
  return { subscriptions, errors: selected.errors.filter((error) => !excluded.has(subscriptionOf(error.scope))) };
}

/**
 * The selection split by `--shard I/N` (see inventory/shard.ts): this shard's subscriptions,
 * with what was recorded about them, and the others, whose resources this shard's may reference.
 */
export function splitByShard(
  selected: { subscriptions: ListedSubscription[]; errors: CollectionError[] },
  shard: ShardOfSplit | undefined,
): { subscriptions: ListedSubscription[]; errors: CollectionError[]; others: ListedSubscription[] } {
  if (shard === undefined) return { ...selected, others: [] };
  const mine = (id: string): boolean => shard.assignment.shardOf(id) === shard.index;
  return {
    subscriptions: selected.subscriptions.filter((sub) => mine(sub.subscriptionId)),
    errors: selected.errors.filter((error) => mine(subscriptionOf(error.scope))),
    others: selected.subscriptions.filter((sub) => !mine(sub.subscriptionId)),
  };
}

function subscriptionOf(scope: string): string {
  return (/^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? '').toLowerCase();
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

/** What a live scan was asked to read, as far as which subscriptions go. */
export interface ScopeRequest {
  readonly subscriptions: readonly string[];
  readonly managementGroups?: readonly string[];
  readonly excludeSubscriptions?: readonly string[];
  readonly shard?: ShardOfSplit;
}

/**
 * The subscriptions in scope, from those the credential can see: `--subscription` or
 * `--management-group` (refused together: which one wins is a guess), less the exclusions,
 * split by shard. `others` are the selected subscriptions of other shards.
 */
export async function selectScope(
  clients: ArmClients,
  listed: readonly ListedSubscription[],
  request: ScopeRequest,
  source: string,
  warn: (text: string) => void,
): Promise<{ subscriptions: ListedSubscription[]; errors: CollectionError[]; others: ListedSubscription[] }> {
  const groups = request.managementGroups ?? [];
  if (groups.length > 0 && request.subscriptions.length > 0) {
    throw new UsageError('--subscription and --management-group: give one or the other (narrow a management group with --exclude-subscription)');
  }
  const selected =
    groups.length === 0
      ? selectSubscriptions(listed, request.subscriptions)
      : selectGroupSubscriptions(listed, await Promise.all(groups.map(async (group) => ({ group, subscriptions: await listGroupSubscriptions(clients, group, source) }))));
  return splitByShard(excludeSubscriptions(selected, request.excludeSubscriptions ?? [], warn), request.shard);
}
