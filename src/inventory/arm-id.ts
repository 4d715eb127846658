/**
 * ARM resource ids. ARM treats ids (and types) case-insensitively, so every lookup in
 * azscan goes through `idKey`; the id as written is kept for display.
 *
 *   /subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{childType}/{childName}]…
 *   {targetId}/providers/{ns}/{type}/{name}          an extension resource, e.g. a diagnostic setting
 */

/** The lookup key of an id: lower case, one leading slash, no trailing slash. */
export function idKey(id: string): string {
  let key = id.toLowerCase();
  if (key.charCodeAt(0) !== 47 /* / */ || key.charCodeAt(key.length - 1) === 47 || key.trim() !== key) {
    key = key.trim();
    if (!key.startsWith('/')) key = `/${key}`;
    while (key.length > 1 && key.endsWith('/')) key = key.slice(0, -1);
  }
  return key;
}

const typeKeys = new Map<string, string>();

/** The lookup key of a resource type, e.g. `microsoft.sql/servers/databases`. */
export function typeKey(type: string): string {
  // Rules ask for the same few types millions of times; remember their keys.
  let key = typeKeys.get(type);
  if (key === undefined) {
    key = type.trim().toLowerCase();
    if (typeKeys.size < 10_000) typeKeys.set(type, key);
  }
  return key;
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

/**
 * Splits an ARM id into its parts. Never throws; what it cannot find is left undefined.
 * Runs once per resource read, so it works on offsets in the id rather than splitting it.
 */
export function parseArmId(id: string): ParsedArmId {
  const text = normalizeSlashes(id);
  return parseArmIdWithKey(text, text.toLowerCase());
}

/**
 * `parseArmId` for an id already in normal form (one leading slash, no empty segments, no
 * trailing slash) whose lower-case form is at hand, as it is when a resource is indexed.
 */
export function parseArmIdWithKey(text: string, lower: string): ParsedArmId {
  // Lower-casing can change the length of some non-ASCII text; then offsets found in
  // `lower` would not fit `text`, so such ids take the segment-by-segment path.
  if (lower.length !== text.length) return parseArmIdBySegments(text);
  const result: ParsedArmId = {};
  if (text.length <= 1) return result;

  let cursor = 1;
  if (lower.startsWith('subscriptions/', 1)) {
    const end = segmentEnd(text, 15);
    if (end > 15) result.subscriptionId = text.slice(15, end);
    cursor = end + 1;
    if (lower.startsWith('resourcegroups/', cursor)) {
      const groupEnd = segmentEnd(text, cursor + 15);
      if (groupEnd > cursor + 15) result.resourceGroup = text.slice(cursor + 15, groupEnd);
    }
  }

  const providers = lower.lastIndexOf('/providers/');
  if (providers < 0) {
    // A resource group's parent is its subscription; a subscription has none.
    const last = text.lastIndexOf('/');
    const beforeLast = last > 0 ? text.lastIndexOf('/', last - 1) : -1;
    if (beforeLast > 0) result.parentId = text.slice(0, beforeLast);
    return result;
  }
  // After `/providers/`: namespace, then type/name pairs.
  const namespaceStart = providers + 11;
  const namespaceEnd = segmentEnd(text, namespaceStart);
  if (namespaceEnd <= namespaceStart || namespaceEnd >= text.length) return result;
  let type = text.slice(namespaceStart, namespaceEnd);
  let pairs = 0;
  let lastPairStart = -1;
  let position = namespaceEnd + 1;
  while (position < text.length) {
    const typeEnd = segmentEnd(text, position);
    if (typeEnd >= text.length) return result; // a type with no name
    const nameEnd = segmentEnd(text, typeEnd + 1);
    type += `/${text.slice(position, typeEnd)}`;
    lastPairStart = position;
    pairs++;
    position = nameEnd + 1;
    if (nameEnd >= text.length) {
      result.type = type;
      result.name = text.slice(typeEnd + 1, nameEnd);
    }
  }
  if (result.type === undefined || pairs === 0) return result;
  // A child's parent drops the last type/name pair; a top-level or extension resource's
  // parent is everything before its `/providers/` segment.
  const parentEnd = pairs > 1 ? lastPairStart - 1 : providers;
  if (parentEnd > 0) result.parentId = text.slice(0, parentEnd);
  return result;
}

function segmentEnd(text: string, start: number): number {
  const slash = text.indexOf('/', start);
  return slash < 0 ? text.length : slash;
}

/** The plain version of `parseArmId`, for ids whose lower-case form changes length. */
export function parseArmIdBySegments(id: string): ParsedArmId {
  const segments = normalizeSlashes(id).split('/').filter((segment) => segment.length > 0);
  const lower = segments.map((segment) => segment.toLowerCase());
  const result: ParsedArmId = {};
  if (lower[0] === 'subscriptions' && segments[1]) result.subscriptionId = segments[1];
  if (lower[2] === 'resourcegroups' && segments[3]) result.resourceGroup = segments[3];
  let providersAt = -1;
  for (let i = segments.length - 2; i >= 0; i--) {
    if (lower[i] === 'providers') {
      providersAt = i;
      break;
    }
  }
  if (providersAt < 0) {
    if (segments.length > 2) result.parentId = `/${segments.slice(0, segments.length - 2).join('/')}`;
    return result;
  }
  const namespace = segments[providersAt + 1];
  const rest = segments.slice(providersAt + 2);
  if (!namespace || rest.length < 2 || rest.length % 2 !== 0) return result;
  const types: string[] = [];
  for (let i = 0; i < rest.length; i += 2) types.push(rest[i]!);
  result.type = `${namespace}/${types.join('/')}`;
  result.name = rest[rest.length - 1];
  const parentEnd = rest.length > 2 ? segments.length - 2 : providersAt;
  if (parentEnd > 0) result.parentId = `/${segments.slice(0, parentEnd).join('/')}`;
  return result;
}

/** True when `id` already has the form `normalizeSlashes` gives. */
export function isNormalId(id: string): boolean {
  return id.charCodeAt(0) === 47 && (id.length === 1 || id.charCodeAt(id.length - 1) !== 47) && !id.includes('//') && id.trim() === id;
}

/** One leading slash, no trailing or doubled slashes: the form `parseArmId` scans. */
function normalizeSlashes(id: string): string {
  let text = id.trim();
  if (text.includes('//')) text = text.replace(/\/{2,}/g, '/');
  if (!text.startsWith('/')) text = `/${text}`;
  if (text.length > 1 && text.endsWith('/')) text = text.slice(0, -1);
  return text;
}

/**
 * The subscription and resource group an id names, without parsing the rest: what every
 * finding needs, found with two searches rather than a full parse.
 */
export function placeOf(id: string): { subscriptionId: string | undefined; resourceGroup: string | undefined } {
  const start = id.charCodeAt(0) === 47 ? 1 : 0;
  if (id.length < start + 15 || id.slice(start, start + 14).toLowerCase() !== 'subscriptions/') return placeByParsing(id);
  const subscriptionStart = start + 14;
  const subscriptionEnd = id.indexOf('/', subscriptionStart);
  if (subscriptionEnd < 0) return { subscriptionId: id.slice(subscriptionStart) || undefined, resourceGroup: undefined };
  if (subscriptionEnd === subscriptionStart || id.charCodeAt(subscriptionEnd + 1) === 47) return placeByParsing(id);
  const subscriptionId = id.slice(subscriptionStart, subscriptionEnd);
  if (id.slice(subscriptionEnd + 1, subscriptionEnd + 16).toLowerCase() !== 'resourcegroups/') return { subscriptionId, resourceGroup: undefined };
  const groupStart = subscriptionEnd + 16;
  const groupEnd = id.indexOf('/', groupStart);
  const resourceGroup = groupEnd < 0 ? id.slice(groupStart) : id.slice(groupStart, groupEnd);
  return { subscriptionId, resourceGroup: resourceGroup || undefined };
}

function placeByParsing(id: string): { subscriptionId: string | undefined; resourceGroup: string | undefined } {
  const { subscriptionId, resourceGroup } = parseArmId(id);
  return { subscriptionId, resourceGroup };
}

/** True when `ancestorKey` is `key` itself or one of its ancestors (both already idKey'd). */
export function isSameOrAncestorKey(ancestorKey: string, key: string): boolean {
  return key === ancestorKey || (key.startsWith(ancestorKey) && key.charCodeAt(ancestorKey.length) === 47 /* / */);
}
