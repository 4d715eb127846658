import { idKey, isNormalId, parseArmId, placeOf, typeKey } from './arm-id.js';
import { isJsonObject, type ArmResource, type JsonObject, type MalformedResource } from './types.js';

/**
 * Turns one ARM object into an inventory resource, or says why it cannot be one.
 * `location` names where the object came from (`resources[17]`) for the report.
 */
export function toArmResource(raw: unknown, location: string): ArmResource | MalformedResource {
  if (!isJsonObject(raw)) return { location, reason: `expected a resource object, found ${describeJson(raw)}` };
  const id = raw.id;
  const type = raw.type;
  const properties = raw.properties;
  if (typeof id !== 'string' || id.trim() === '' || typeof type !== 'string' || type.trim() === '' || !isJsonObject(properties)) {
    return malformed(raw, location);
  }
  const rawName = typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined;
  const location_ = typeof raw.location === 'string' ? raw.location : undefined;
  const kind = typeof raw.kind === 'string' ? raw.kind : undefined;
  const key = idKey(id);

  // The common case — an id in normal form, of the depth its type says — is indexed from
  // offsets in the key alone; anything else goes through the full parse.
  const shape = key.length === id.length && isNormalId(id) ? keyShape(key) : undefined;
  if (shape && shape.typeDepth === typeDepth(type)) {
    return new IndexedResource(id, key, type, typeKey(type), rawName ?? id.slice(shape.nameStart), shape.parentEnd > 0 ? key.slice(0, shape.parentEnd) : undefined, location_, kind, properties, raw);
  }
  const parsed = parseArmId(id);
  const name = rawName ?? parsed.name ?? id;
  const fullId = completeSingletonChildId(id, parsed.type, type, name);
  const full = fullId === id ? parsed : parseArmId(fullId);
  return new IndexedResource(fullId, idKey(fullId), type, typeKey(type), name, full.parentId === undefined ? undefined : idKey(full.parentId), location_, kind, properties, raw);
}

/**
 * An inventory resource. Where it sits (subscription, resource group) is worked out only
 * when a report asks, which for most resources of a large estate is never.
 */
export class IndexedResource implements ArmResource {
  #place: { subscriptionId: string | undefined; resourceGroup: string | undefined } | undefined;

  constructor(
    readonly id: string,
    readonly key: string,
    readonly type: string,
    readonly typeKey: string,
    readonly name: string,
    readonly parentKey: string | undefined,
    readonly location: string | undefined,
    readonly kind: string | undefined,
    readonly properties: JsonObject,
    readonly raw: JsonObject,
  ) {}

  get subscriptionId(): string | undefined {
    return (this.#place ??= placeOf(this.id)).subscriptionId;
  }

  get resourceGroup(): string | undefined {
    return (this.#place ??= placeOf(this.id)).resourceGroup;
  }

  /** The same resource with other JSON: what a second read of the same id yields. */
  withRaw(raw: JsonObject, properties: JsonObject): IndexedResource {
    return new IndexedResource(this.id, this.key, this.type, this.typeKey, this.name, this.parentKey, this.location, this.kind, properties, raw);
  }
}

/**
 * Offsets in a normal, lower-case id: where its parent's key ends, where its name starts,
 * and how many segments its type has (`microsoft.sql/servers/databases` has 3).
 */
function keyShape(key: string): { parentEnd: number; nameStart: number; typeDepth: number } | undefined {
  const providers = key.lastIndexOf('/providers/');
  if (providers < 0) return undefined;
  const namespaceEnd = key.indexOf('/', providers + 11);
  if (namespaceEnd < 0) return undefined;
  let slashes = 0;
  let lastPairStart = -1;
  for (let i = namespaceEnd; i >= 0 && i < key.length; i = key.indexOf('/', i + 1)) {
    if (slashes % 2 === 0) lastPairStart = i;
    slashes++;
  }
  if (slashes < 2 || slashes % 2 !== 0) return undefined;
  const pairs = slashes / 2;
  return {
    // A child's parent drops the last type/name pair; a top-level or extension resource's
    // parent is everything before its `/providers/` segment.
    parentEnd: pairs > 1 ? lastPairStart : providers,
    nameStart: key.lastIndexOf('/') + 1,
    typeDepth: pairs + 1,
  };
}

function typeDepth(type: string): number {
  let depth = 1;
  for (let i = type.indexOf('/'); i >= 0; i = type.indexOf('/', i + 1)) depth++;
  return depth;
}

/** Why a resource object cannot be used; only called for the few that cannot. */
function malformed(raw: JsonObject, location: string): MalformedResource {
  const idText = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : undefined;
  const typeText = typeof raw.type === 'string' && raw.type.trim() !== '' ? raw.type : undefined;
  const where = { location, resourceId: idText, resourceType: typeText ?? (idText ? parseArmId(idText).type : undefined) };
  if (!idText) return { ...where, reason: 'resource has no id' };
  if (!typeText) return { ...where, reason: 'resource has no type' };
  // A resource without properties is most often a projection (`az resource list`, a
  // Resource Graph `project`) rather than a resource with nothing set. Reading its absent
  // settings as Azure's defaults would raise false alarms, so it is not evaluated.
  if (raw.properties === undefined) return { ...where, reason: 'resource has no properties object (a projection of the resource?)' };
  return { ...where, reason: `properties is ${describeJson(raw.properties)}, not an object` };
}

/**
 * Some ARM responses give a singleton child the id of its parent: the SQL TDE GET example
 * answers `…/databases/testdb` with name `current` and type `…/databases/transparentDataEncryption`.
 * Indexed as written, it would collide with the database. When the type is exactly one level
 * below the type the id names, the id is completed with that level and the name.
 */
function completeSingletonChildId(id: string, idType: string | undefined, type: string, name: string): string {
  if (idType === undefined || idType.length === type.length) return id;
  const declared = typeKey(type);
  const named = typeKey(idType);
  if (declared === named || !declared.startsWith(`${named}/`)) return id;
  const extra = type.trim().slice(idType.length + 1);
  if (extra.includes('/')) return id;
  return `${id.replace(/\/+$/, '')}/${extra}/${name}`;
}

export function isMalformed(value: ArmResource | MalformedResource): value is MalformedResource {
  return 'reason' in value;
}

/** `a string`, `null`, `an array` — how error messages name a JSON value they did not expect. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string`;
  return `a ${typeof value}`;
}
