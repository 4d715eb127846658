import { type TenantIndex, providersIndex } from './tenant-index.js';
import type { FakeSubscription } from './types.js';

/** What a GET resolves to, before paging and latency. */
export type Reply =
  | { kind: 'list'; items: readonly unknown[]; paged: boolean }
  | { kind: 'json'; status: number; body: unknown };

export function armError(status: number, code: string, message: string): Reply {
  return { kind: 'json', status, body: { error: { code, message } } };
}

/**
 * Answers a GET the way ARM does. `segments` is the decoded request path; the number of
 * segments after the last `providers/{Namespace}` tells a collection (odd) from a resource (even).
 */
export function routeGet(index: TenantIndex, segments: readonly string[]): Reply {
  if (segments[0]?.toLowerCase() === 'providers') return index.managementGroups.route(segments);
  if (segments[0]?.toLowerCase() !== 'subscriptions') return notServed(segments);
  if (segments.length === 1) return list(index.subscriptions.map(subscriptionJson), true);

  const subscriptionId = segments[1] ?? '';
  const subscription = index.subscription(subscriptionId);
  if (subscription === undefined) {
    return armError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
  }
  if (segments.length === 2) return { kind: 'json', status: 200, body: subscriptionJson(subscription) };

  const inResourceGroup = segments[2]?.toLowerCase() === 'resourcegroups' && segments.length >= 4;
  if (inResourceGroup && !index.exists(segments.slice(0, 4))) {
    return armError(404, 'ResourceGroupNotFound', `Resource group '${segments[3]}' could not be found.`);
  }
  const providersAt = providersIndex(segments);
  if (providersAt < 0) return routeResourceGroups(index, segments);
  const typeAndNameSegments = segments.length - providersAt - 2;
  if (typeAndNameSegments === 0) return notServed(segments);
  return typeAndNameSegments % 2 === 1
    ? routeCollection(index, segments, providersAt)
    : routeResource(index, segments, providersAt);
}

function routeResourceGroups(index: TenantIndex, segments: readonly string[]): Reply {
  if (segments[2]?.toLowerCase() !== 'resourcegroups') return notServed(segments);
  if (segments.length === 3) return list(index.resourceGroups(segments[1] ?? ''), true);
  const group = segments.length === 4 ? index.resourceGroup(segments) : undefined;
  return group === undefined ? notServed(segments) : { kind: 'json', status: 200, body: group };
}

/** Collections ARM returns in one response, without a nextLink (their SDK methods do not page). */
const UNPAGED_TYPES = new Set(['microsoft.insights/diagnosticsettings', 'microsoft.security/pricings']);

function routeCollection(index: TenantIndex, segments: readonly string[], providersAt: number): Reply {
  const isTypeCollection = segments.length - providersAt - 2 === 1;
  const [namespace = '', type = ''] = segments.slice(providersAt + 1);
  const paged = !UNPAGED_TYPES.has(`${namespace}/${type}`.toLowerCase());
  if (isTypeCollection && providersAt === 2) {
    return list(index.subscriptionWide(segments[1] ?? '', namespace, type), paged);
  }
  // A type collection lists what lives in the scope before `providers` (a group, or the target of
  // extension resources); a child collection lists what lives in the resource before it.
  const parent = isTypeCollection ? segments.slice(0, providersAt) : segments.slice(0, -1);
  if (!index.exists(parent)) return parentNotFound(parent);
  if (!isTypeCollection && isFlexibleScaleSet(index.resource(parent))) {
    // ARM keeps no instance network resources under a Flexible scale set: its VMs' are top-level.
    return armError(404, 'NotFound', `The Resource '${segments.slice(providersAt + 1).join('/')}' was not found.`);
  }
  return list(index.collection(segments), paged);
}

function routeResource(index: TenantIndex, segments: readonly string[], providersAt: number): Reply {
  const resource = index.resource(segments);
  if (resource !== undefined) return { kind: 'json', status: 200, body: resource };
  const isChild = segments.length - providersAt - 2 > 2;
  const parent = segments.slice(0, -2);
  if (isChild && !index.exists(parent)) return parentNotFound(parent);

  const typeAndName = segments.slice(providersAt + 1).join('/');
  const group = segments[2]?.toLowerCase() === 'resourcegroups' ? segments[3] : undefined;
  const where = group === undefined ? '' : ` under resource group '${group}'`;
  return armError(404, 'ResourceNotFound', `The Resource '${typeAndName}'${where} was not found.`);
}

function isFlexibleScaleSet(resource: Record<string, unknown> | undefined): boolean {
  if (resource === undefined || String(resource.type).toLowerCase() !== 'microsoft.compute/virtualmachinescalesets') return false;
  const properties = resource.properties as { orchestrationMode?: unknown } | undefined;
  return String(properties?.orchestrationMode).toLowerCase() === 'flexible';
}

function parentNotFound(parent: readonly string[]): Reply {
  return armError(
    404,
    'ParentResourceNotFound',
    `Can not perform requested operation on nested resource. Parent resource '${parent.at(-1) ?? ''}' not found.`,
  );
}

function notServed(segments: readonly string[]): Reply {
  return armError(404, 'NotFound', `The fake ARM server does not serve '/${segments.join('/')}'.`);
}

function list(items: readonly unknown[], paged: boolean): Reply {
  return { kind: 'list', items, paged };
}

/** Shaped like Microsoft's example `fixtures/arm-examples/GetSubscriptions.json`. */
function subscriptionJson(subscription: FakeSubscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    displayName: subscription.displayName,
    state: subscription.state,
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
  };
}
