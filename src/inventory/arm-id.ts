/**
 * ARM resource ids. ARM treats ids (and types) case-insensitively, so every lookup in
 * azscan goes through `idKey`; the id as written is kept for display.
 *
 *   /subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{childType}/{childName}]…
 *   {targetId}/providers/{ns}/{type}/{name}          an extension resource, e.g. a diagnostic setting
 */

/** The lookup key of an id: lower case, one leading slash, no trailing slash. */
export function idKey(id: string): string {
  let key = id.trim().toLowerCase();
  if (!key.startsWith('/')) key = `/${key}`;
  while (key.length > 1 && key.endsWith('/')) key = key.slice(0, -1);
  return key;
}

/** The lookup key of a resource type, e.g. `microsoft.sql/servers/databases`. */
export function typeKey(type: string): string {
  return type.trim().toLowerCase();
}

export interface ParsedArmId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** `Microsoft.Sql/servers/databases`, as written in the id; undefined for subscription and group ids. */
  type?: string;
  name?: string;
  /** The id of the parent: the containing resource for a child, the target for an extension resource. */
  parentId?: string;
}

/** Splits an ARM id into its parts. Never throws; what it cannot find is left undefined. */
export function parseArmId(id: string): ParsedArmId {
  const segments = id.split('/').filter((segment) => segment.length > 0);
  const result: ParsedArmId = {};
  const lower = segments.map((segment) => segment.toLowerCase());
  if (lower[0] === 'subscriptions' && segments[1]) result.subscriptionId = segments[1];
  if (lower[2] === 'resourcegroups' && segments[3]) result.resourceGroup = segments[3];

  const providersAt = lower.lastIndexOf('providers');
  if (providersAt < 0) {
    // A resource group's parent is its subscription; a subscription has none.
    if (segments.length > 2) result.parentId = `/${segments.slice(0, segments.length - 2).join('/')}`;
    return result;
  }
  const namespace = segments[providersAt + 1];
  const rest = segments.slice(providersAt + 2);
  if (!namespace || rest.length < 2 || rest.length % 2 !== 0) return result;
  const typeParts: string[] = [];
  for (let i = 0; i < rest.length; i += 2) typeParts.push(rest[i]!);
  result.type = `${namespace}/${typeParts.join('/')}`;
  result.name = rest[rest.length - 1];
  // A child's parent drops the last type/name pair; a top-level or extension resource's
  // parent is everything before its `/providers/` segment.
  const parentEnd = rest.length > 2 ? segments.length - 2 : providersAt;
  result.parentId = parentEnd > 0 ? `/${segments.slice(0, parentEnd).join('/')}` : undefined;
  return result;
}

/** True when `ancestorKey` is `key` itself or one of its ancestors (both already idKey'd). */
export function isSameOrAncestorKey(ancestorKey: string, key: string): boolean {
  return key === ancestorKey || (key.startsWith(ancestorKey) && key.charCodeAt(ancestorKey.length) === 47 /* / */);
}

/** The subscription id an ARM id belongs to, or undefined for tenant-level ids. */
export function subscriptionOf(id: string): string | undefined {
  const match = /^\/?subscriptions\/([^/]+)/i.exec(id.trim());
  return match?.[1];
}
