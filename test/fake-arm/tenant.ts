import type { FakeManagementGroup, FakeSubscription, FakeTenant } from './types.js';

/** The tenant of a snapshot that does not name one. */
export const DEFAULT_TENANT_ID = '72f988bf-0000-4000-8000-00000000a25c';

export interface SnapshotLike {
  tenantId?: string;
  subscriptions?: Array<{ subscriptionId: string; displayName?: string; state?: string }>;
  resources: unknown[];
}

const SUBSCRIPTION_STATES: ReadonlySet<string> = new Set<FakeSubscription['state']>([
  'Enabled',
  'Warned',
  'PastDue',
  'Disabled',
  'Deleted',
]);

/**
 * A snapshot (e.g. `fixtures/demo-tenant.json`) as a tenant the fake ARM server can serve.
 * Without a subscription list, the subscriptions are those the resource ids name.
 * `extra.subscriptions` are added, replacing any of the same id (e.g. to make one Disabled).
 */
export function fakeTenantFromSnapshot(snapshot: SnapshotLike, extra: { subscriptions?: FakeSubscription[]; managementGroups?: FakeManagementGroup[] } = {}): FakeTenant {
  const tenantId = snapshot.tenantId ?? DEFAULT_TENANT_ID;
  const resources = snapshot.resources.map(asResource);
  const listed: NonNullable<SnapshotLike['subscriptions']> =
    snapshot.subscriptions ?? subscriptionIdsOf(resources).map((subscriptionId) => ({ subscriptionId }));
  const subscriptions = new Map<string, FakeSubscription>();
  for (const { subscriptionId, displayName, state } of listed) {
    subscriptions.set(subscriptionId.toLowerCase(), {
      subscriptionId,
      displayName: displayName ?? subscriptionId,
      state: subscriptionState(state ?? 'Enabled'),
      tenantId,
    });
  }
  for (const subscription of extra.subscriptions ?? []) {
    subscriptions.set(subscription.subscriptionId.toLowerCase(), subscription);
  }
  return { subscriptions: [...subscriptions.values()], resources, ...(extra.managementGroups ? { managementGroups: extra.managementGroups } : {}) };
}

function asResource(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`fake ARM: a snapshot resource is not an object: ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

function subscriptionState(state: string): FakeSubscription['state'] {
  if (!SUBSCRIPTION_STATES.has(state)) throw new Error(`fake ARM: not a subscription state: ${state}`);
  return state as FakeSubscription['state'];
}

/** The distinct subscription ids in `/subscriptions/{id}/…` resource ids, in first-seen order. */
function subscriptionIdsOf(resources: ReadonlyArray<Record<string, unknown>>): string[] {
  const ids = new Map<string, string>();
  for (const resource of resources) {
    const match = typeof resource.id === 'string' ? /^\/subscriptions\/([^/]+)/i.exec(resource.id) : null;
    const id = match?.[1];
    if (id !== undefined && !ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id);
  }
  return [...ids.values()];
}
