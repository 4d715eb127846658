import { idKey, parseArmId, typeKey } from './arm-id.js';
import { isJsonObject, type ArmResource, type MalformedResource } from './types.js';

/**
 * Turns one ARM object into an inventory resource, or says why it cannot be one.
 * `location` names where the object came from (`resources[17]`) for the report.
 */
export function toArmResource(raw: unknown, location: string): ArmResource | MalformedResource {
  if (!isJsonObject(raw)) return { location, reason: `expected a resource object, found ${describeJson(raw)}` };
  const id = raw.id;
  const type = raw.type;
  const idText = typeof id === 'string' && id.trim() !== '' ? id : undefined;
  const typeText = typeof type === 'string' && type.trim() !== '' ? type : undefined;
  const parsed = idText ? parseArmId(idText) : undefined;
  const where = { location, resourceId: idText, resourceType: typeText ?? parsed?.type };
  if (!idText) return { ...where, reason: 'resource has no id' };
  if (!typeText) return { ...where, reason: 'resource has no type' };
  // A resource without properties is most often a projection (`az resource list`, a
  // Resource Graph `project`) rather than a resource with nothing set. Reading its absent
  // settings as Azure's defaults would raise false alarms, so it is not evaluated.
  if (raw.properties === undefined) return { ...where, reason: 'resource has no properties object (a projection of the resource?)' };
  if (!isJsonObject(raw.properties)) return { ...where, reason: `properties is ${describeJson(raw.properties)}, not an object` };

  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : (parsed?.name ?? idText);
  const fullId = completeSingletonChildId(idText, parsed?.type, typeText, name);
  const fullParsed = fullId === idText ? parsed : parseArmId(fullId);
  return {
    id: fullId,
    key: idKey(fullId),
    type: typeText,
    typeKey: typeKey(typeText),
    name,
    subscriptionId: fullParsed?.subscriptionId,
    resourceGroup: fullParsed?.resourceGroup,
    parentKey: fullParsed?.parentId === undefined ? undefined : idKey(fullParsed.parentId),
    location: typeof raw.location === 'string' ? raw.location : undefined,
    kind: typeof raw.kind === 'string' ? raw.kind : undefined,
    properties: raw.properties,
    raw,
  };
}

/**
 * Some ARM responses give a singleton child the id of its parent: the SQL TDE GET example
 * answers `…/databases/testdb` with name `current` and type `…/databases/transparentDataEncryption`.
 * Indexed as written, it would collide with the database. When the type is exactly one level
 * below the type the id names, the id is completed with that level and the name.
 */
function completeSingletonChildId(id: string, idType: string | undefined, type: string, name: string): string {
  if (idType === undefined) return id;
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
