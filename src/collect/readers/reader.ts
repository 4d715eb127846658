import { parseArmId, typeKey } from '../../inventory/arm-id.js';
import { SUBSCRIPTION_TYPE } from '../../inventory/arm-types.js';
import type { ArmClients } from '../clients.js';
import type { PageSink } from '../read.js';

/** A resource read so far, as much of it as readers of its children need. */
export interface ParentResource {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
  /** The parent's properties as ARM sent them, for readers whose children depend on them. */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * The GET a reader makes, as data: what `azscan collect --plan` prints, and what a read by path
 * sends. For a read through an SDK operation it states what that operation sends (the package
 * pins the api-version per operation, not per client); a test holds the two together by
 * comparing it with the requests a live collection makes of the fake ARM server.
 */
export interface ArmRequest {
  /**
   * The path, as a template: `/subscriptions/{subscriptionId}/providers/…` for a list made once
   * per subscription, `{storageAccountId}/…` for a read made once per parent, under the parent's id.
   */
  readonly path: string;
  readonly apiVersion: string;
  /** Query parameters sent after the api-version (`$filter`), for a list ARM narrows server-side. */
  readonly query?: Readonly<Record<string, string>>;
  /** Which parents the read is made for, when not every one (`Uniform scale sets`). */
  readonly only?: string;
}

/**
 * How to read one resource type. Top-level types are listed once per subscription; child
 * types once per parent of `parentType`, as that parent is read. Each reader returns the
 * resources as ARM sent them, from the request it declares.
 *
 * A reader that returns a list's items as read passes `onPage` on to `readList` or
 * `readArmPath`, so that what hangs below each page is read while the next is fetched. One
 * that changes or filters items must not: whatever it returns without handing it over first
 * is taken as one last page.
 */
export interface ResourceReader {
  readonly type: string;
  readonly parentType?: string;
  readonly request: ArmRequest;
  read(clients: ArmClients, subscriptionId: string, parent: ParentResource | undefined, onPage?: PageSink): Promise<unknown[]>;
}

/** The path of ARM's subscription-wide list of `type`. */
export function inSubscription(type: string): string {
  return `/subscriptions/{subscriptionId}/providers/${type}`;
}

/** The path of `relative` under each resource of `parentType`: `{serverId}/databases`. */
export function under(parentType: string, relative: string): string {
  return `${idPlaceholder(parentType)}/${relative}`;
}

/**
 * How a path template stands for the id of a resource of `type`: `{storageAccountId}`,
 * `{firewallPolicyId}`, `{iotHubId}`; a subscription's is its own path.
 */
export function idPlaceholder(type: string): string {
  if (typeKey(type) === typeKey(SUBSCRIPTION_TYPE)) return '/subscriptions/{subscriptionId}';
  const plural = type.split('/').at(-1) ?? type;
  const singular = plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.endsWith('sses') ? plural.slice(0, -2) : plural.replace(/(?<![isu])s$/, '');
  return `{${singular.charAt(0).toLowerCase()}${singular.slice(1)}Id}`;
}

/** A path template whose only placeholder is `{subscriptionId}`, filled in: for reads made by path. */
export function subscriptionPath(template: string, subscriptionId: string): string {
  const path = template.replaceAll('{subscriptionId}', encodeURIComponent(subscriptionId));
  if (/[{}]/.test(path)) throw new Error(`${template} has a placeholder a read by path cannot fill`);
  return path;
}

/** Resource group and name of a parent, which the SDKs' child operations take. */
export function place(parent: ParentResource | undefined): { group: string; name: string } {
  const parsed = parent ? parseArmId(parent.id) : undefined;
  if (!parent || !parsed?.resourceGroup) throw new Error(`a child reader needs a parent in a resource group, got ${parent?.id}`);
  return { group: parsed.resourceGroup, name: parsed.name ?? parent.name };
}

/** The resource group and name of a parent's parent (a database's server). */
export function grandparentName(parent: ParentResource | undefined): string {
  return parseArmId(parseArmId(parent?.id ?? '').parentId ?? '').name ?? '';
}

/** A per-parent path template (`{siteId}/config/web`) filled in with the parent's id. */
export function parentPath(template: string, parentType: string, parent: ParentResource | undefined): string {
  const placeholder = idPlaceholder(parentType);
  if (!parent || !template.startsWith(placeholder)) throw new Error(`${template} is not a path under ${placeholder}, or there is no parent`);
  // The id came from a response: each segment is encoded, so that no id (`@evil.example/x`,
  // `a?b`, `../..`) can turn the URL into another host's or another path's.
  if (!parent.id.startsWith('/')) throw new Error(`${parent.id} is not an ARM resource id`);
  const encodedId = parent.id.split('/').map((segment) => (segment === '..' || segment === '.' ? encodeURIComponent(segment).replaceAll('.', '%2E') : encodeURIComponent(segment))).join('/');
  const path = encodedId + template.slice(placeholder.length);
  if (/[{}]/.test(path)) throw new Error(`${template} has a placeholder a read by path cannot fill`);
  return path;
}
