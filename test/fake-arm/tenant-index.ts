import { ManagementGroupTree } from './management-groups.js';
import type { FakeSubscription, FakeTenant } from './types.js';

/**
 * The fake tenant indexed the way ARM addresses it, so that every request is a few map lookups
 * whatever the size of the tenant. Keys are lower case: ARM paths are case-insensitive, while the
 * resources keep the casing they were given.
 *
 * Its own small id parsing, on purpose: the fake must not share a bug with `src/inventory/arm-id.ts`.
 */

export type ArmResource = Record<string, unknown>;

/** The non-empty segments of a path or id: `/subscriptions/s/resourceGroups/rg` → [subscriptions, s, resourceGroups, rg]. */
export function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** The lookup key of a path or id given as segments. */
function keyOf(segments: readonly string[]): string {
  return `/${segments.join('/')}`.toLowerCase();
}

/** Where the last `providers/{Namespace}` starts, or -1 when there is none after /subscriptions/{id}. */
export function providersIndex(segments: readonly string[]): number {
  for (let i = segments.length - 2; i >= 2; i--) {
    if (segments[i]?.toLowerCase() === 'providers') return i;
  }
  return -1;
}

/** /subscriptions/{id}/resourceGroups/{name} */
function isResourceGroupPath(segments: readonly string[]): boolean {
  return segments.length === 4 && segments[2]?.toLowerCase() === 'resourcegroups';
}

/**
 * What a resource lives in: for `…/providers/{ns}/{type}/{name}` the scope before `providers`
 * (a subscription, a resource group, or the target of an extension resource); for a child
 * `…/{childType}/{childName}` its parent resource.
 */
function scopeOf(segments: readonly string[], providersAt: number): string[] {
  const typeAndNameSegments = segments.length - providersAt - 2;
  return typeAndNameSegments === 2 ? segments.slice(0, providersAt) : segments.slice(0, -2);
}

export class TenantIndex {
  readonly subscriptions: readonly FakeSubscription[];
  readonly managementGroups: ManagementGroupTree;
  private readonly subscriptionsByKey = new Map<string, FakeSubscription>();
  private readonly resourcesById = new Map<string, ArmResource>();
  /** Resources by the path of the collection that lists them (their id without the name). */
  private readonly collections = new Map<string, ArmResource[]>();
  /** Resources directly in a resource group or a subscription, by `/subscriptions/{id}|{namespace}/{type}`. */
  private readonly topLevelByType = new Map<string, ArmResource[]>();
  private readonly resourceGroupsById = new Map<string, ArmResource>();
  private readonly resourceGroupsBySubscription = new Map<string, ArmResource[]>();
  /**
   * Resources that others live in without being in the tenant themselves, e.g. the storage account
   * above a fixture's blob containers: they exist as far as listing their children is concerned.
   */
  private readonly impliedResources = new Set<string>();

  constructor(tenant: FakeTenant) {
    this.subscriptions = tenant.subscriptions;
    this.managementGroups = new ManagementGroupTree(tenant.managementGroups ?? [], tenant.subscriptions);
    for (const subscription of tenant.subscriptions) {
      this.subscriptionsByKey.set(subscription.subscriptionId.toLowerCase(), subscription);
    }
    // Groups given explicitly first, so that a group implied by a resource id does not shadow one.
    const groups = new Set(tenant.resources.filter((resource) => isResourceGroupPath(segmentsOf(idOf(resource)))));
    for (const group of groups) this.addResourceGroup(segmentsOf(idOf(group)), group);
    for (const resource of tenant.resources) {
      if (!groups.has(resource)) this.addResource(resource);
    }
  }

  subscription(subscriptionId: string): FakeSubscription | undefined {
    return this.subscriptionsByKey.get(subscriptionId.toLowerCase());
  }

  resource(segments: readonly string[]): ArmResource | undefined {
    return this.resourcesById.get(keyOf(segments));
  }

  /** Whether a resource group or resource of this id exists (given or implied). */
  exists(segments: readonly string[]): boolean {
    const key = keyOf(segments);
    return this.resourcesById.has(key) || this.impliedResources.has(key) || this.resourceGroupsById.has(key);
  }

  /** The resources listed by a collection path such as `{serverId}/databases` or `{rgId}/providers/{ns}/{type}`. */
  collection(segments: readonly string[]): ArmResource[] {
    return this.collections.get(keyOf(segments)) ?? [];
  }

  /** `/subscriptions/{id}/providers/{ns}/{type}`: that type in every resource group of the subscription, and at its root. */
  subscriptionWide(subscriptionId: string, namespace: string, type: string): ArmResource[] {
    return this.topLevelByType.get(topLevelKey(subscriptionId, namespace, type)) ?? [];
  }

  resourceGroup(segments: readonly string[]): ArmResource | undefined {
    return this.resourceGroupsById.get(keyOf(segments));
  }

  resourceGroups(subscriptionId: string): ArmResource[] {
    return this.resourceGroupsBySubscription.get(subscriptionId.toLowerCase()) ?? [];
  }

  private addResource(resource: ArmResource): void {
    const id = idOf(resource);
    const segments = segmentsOf(id);
    const providersAt = providersIndex(segments);
    const typeAndNameSegments = segments.length - providersAt - 2;
    if (segments[0]?.toLowerCase() !== 'subscriptions' || providersAt < 0 || typeAndNameSegments < 2 || typeAndNameSegments % 2 !== 0) {
      throw new Error(`fake ARM: not a resource id: ${id}`);
    }
    const key = keyOf(segments);
    if (this.resourcesById.has(key)) throw new Error(`fake ARM: two resources with the id ${id}`);
    this.resourcesById.set(key, resource);
    append(this.collections, keyOf(segments.slice(0, -1)), resource);

    if (segments[2]?.toLowerCase() === 'resourcegroups') {
      this.addResourceGroup(segments.slice(0, 4), impliedResourceGroup(segments, resource));
    }
    // ARM lists a Uniform scale set's instance interfaces and public IPs at the scale set
    // (`…/virtualMachineScaleSets/web/networkInterfaces`) as well as under each instance.
    const scaleSetListing = scaleSetListingOf(segments);
    if (scaleSetListing !== undefined) append(this.collections, keyOf(scaleSetListing), resource);
    const scope = scopeOf(segments, providersAt);
    const inGroupOrSubscription = isResourceGroupPath(scope) || scope.length === 2;
    if (typeAndNameSegments === 2) {
      const [namespace = '', type = ''] = segments.slice(providersAt + 1);
      if (inGroupOrSubscription || LISTED_WITH_EXTENDED_RESOURCES.has(`${namespace}/${type}`.toLowerCase())) {
        append(this.topLevelByType, topLevelKey(segments[1] ?? '', namespace, type), resource);
      }
    }
    this.addImpliedScopes(scope);
  }

  /** Records every resource above `scope` up to its resource group or subscription as existing. */
  private addImpliedScopes(scope: string[]): void {
    let current = scope;
    for (;;) {
      const providersAt = providersIndex(current);
      if (providersAt < 0) return;
      this.impliedResources.add(keyOf(current));
      current = scopeOf(current, providersAt);
    }
  }

  private addResourceGroup(segments: string[], group: ArmResource): void {
    const key = keyOf(segments);
    if (this.resourceGroupsById.has(key)) return;
    this.resourceGroupsById.set(key, group);
    append(this.resourceGroupsBySubscription, (segments[1] ?? '').toLowerCase(), group);
  }
}

/**
 * Extension types whose subscription-wide list holds those on every resource in the subscription,
 * as ARM's does for Defender for Cloud assessments (`/subscriptions/{id}/providers/Microsoft.Security/assessments`
 * lists each resource's). Other extension types (diagnostic settings) are listed at their target only.
 */
const LISTED_WITH_EXTENDED_RESOURCES: ReadonlySet<string> = new Set(['microsoft.security/assessments']);

function idOf(resource: ArmResource): string {
  if (typeof resource.id !== 'string') throw new Error(`fake ARM: a resource without an id: ${JSON.stringify(resource).slice(0, 200)}`);
  return resource.id;
}

/** `…/virtualMachineScaleSets/{name}/networkInterfaces` for an instance's interface or public IP; undefined otherwise. */
function scaleSetListingOf(segments: readonly string[]): string[] | undefined {
  const lower = segments.map((segment) => segment.toLowerCase());
  const at = lower.indexOf('virtualmachinescalesets');
  if (at < 0 || lower[at - 1] !== 'microsoft.compute' || lower[at + 2] !== 'virtualmachines') return undefined;
  const type = lower.at(-2);
  if (type === 'networkinterfaces' && segments.length === at + 6) return [...segments.slice(0, at + 2), 'networkInterfaces'];
  if (type === 'publicipaddresses' && segments.length === at + 10) return [...segments.slice(0, at + 2), 'publicipaddresses'];
  return undefined;
}

function topLevelKey(subscriptionId: string, namespace: string, type: string): string {
  return `${subscriptionId}|${namespace}/${type}`.toLowerCase();
}

/** The group ARM would list for a resource's group when the tenant does not describe the group itself. */
function impliedResourceGroup(resourceSegments: readonly string[], resource: ArmResource): ArmResource {
  return {
    id: `/${resourceSegments.slice(0, 4).join('/')}`,
    name: resourceSegments[3],
    type: 'Microsoft.Resources/resourceGroups',
    location: typeof resource.location === 'string' ? resource.location : 'westeurope',
    properties: { provisioningState: 'Succeeded' },
  };
}

function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const items = map.get(key);
  if (items === undefined) map.set(key, [item]);
  else items.push(item);
}
