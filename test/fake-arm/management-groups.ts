import type { Reply } from './routes.js';
import type { FakeManagementGroup, FakeSubscription } from './types.js';

/**
 * The management group tree of a fake tenant, answering what azscan asks of it: a group's
 * descendants (`GET /providers/Microsoft.Management/managementGroups/{id}/descendants`), every
 * group and subscription below it at any depth, flattened and paged like any ARM list. Shaped
 * like Microsoft's `GetDescendants.json` example (api-version 2021-04-01).
 */
export class ManagementGroupTree {
  private readonly groups = new Map<string, FakeManagementGroup>();
  private readonly children = new Map<string, FakeManagementGroup[]>();

  constructor(
    groups: readonly FakeManagementGroup[],
    private readonly subscriptions: readonly FakeSubscription[],
  ) {
    for (const group of groups) this.groups.set(group.id.toLowerCase(), group);
    for (const group of groups) {
      if (group.parent === undefined) continue;
      const key = group.parent.toLowerCase();
      this.children.set(key, [...(this.children.get(key) ?? []), group]);
    }
  }

  /** The reply to a GET under /providers/Microsoft.Management/managementGroups. */
  route(segments: readonly string[]): Reply {
    const [, namespace = '', type = '', groupId = '', collection = ''] = segments;
    if (namespace.toLowerCase() !== 'microsoft.management' || type.toLowerCase() !== 'managementgroups' || segments.length !== 5 || collection.toLowerCase() !== 'descendants') {
      return { kind: 'json', status: 404, body: { error: { code: 'NotFound', message: `The fake ARM server does not serve '/${segments.join('/')}'.` } } };
    }
    const group = this.groups.get(groupId.toLowerCase());
    if (group === undefined) {
      // What ARM answers for a group that does not exist or that the caller may not read.
      return { kind: 'json', status: 403, body: { error: { code: 'AuthorizationFailed', message: `The client does not have authorization to perform action 'Microsoft.Management/managementGroups/descendants/read' over scope '/providers/Microsoft.Management/managementGroups/${groupId}' or the scope is invalid.` } } };
    }
    return { kind: 'list', items: this.descendantsOf(group), paged: true };
  }

  /** Depth first: each group, then what is in it. */
  private descendantsOf(group: FakeManagementGroup): unknown[] {
    const parent = { id: groupPath(group.id) };
    const items: unknown[] = [];
    for (const subscriptionId of group.subscriptions ?? []) {
      const displayName = this.subscriptions.find((sub) => sub.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())?.displayName ?? subscriptionId;
      items.push({ id: `/subscriptions/${subscriptionId}`, type: '/subscriptions', name: subscriptionId, properties: { displayName, parent } });
    }
    for (const child of this.children.get(group.id.toLowerCase()) ?? []) {
      items.push({ id: groupPath(child.id), type: 'Microsoft.Management/managementGroups', name: child.id, properties: { displayName: child.displayName ?? child.id, parent } });
      items.push(...this.descendantsOf(child));
    }
    return items;
  }
}

function groupPath(id: string): string {
  return `/providers/Microsoft.Management/managementGroups/${id}`;
}
