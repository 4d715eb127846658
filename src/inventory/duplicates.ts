import { IndexedResource } from './resource.js';
import { isJsonObject, type ArmResource, type JsonObject } from './types.js';

/** A resource as read, and where in the input it was: `resources[17]`. */
export interface ReadCopy {
  readonly resource: ArmResource;
  readonly location: string;
}

/** Two copies of one id that say different things about the same property. */
export interface CopyConflict {
  readonly id: string;
  readonly type: string;
  /** The property where they first differ: `properties.networkAcls.defaultAction`. */
  readonly path: string;
  readonly first: { readonly location: string; readonly value: unknown };
  readonly second: { readonly location: string; readonly value: unknown };
}

/**
 * Folds copies of one id (ids compared as ARM compares them, by case) into one resource. A
 * list entry and a GET of the same resource agree where both say something, and the GET may
 * say more: copies that agree, or where one only adds properties, are merged. Copies that
 * disagree on a value are a conflict: which of them Azure has is unknown, and letting the last
 * one win would let a "secure" copy hide another's findings.
 */
export function mergeCopies(copies: readonly ReadCopy[]): { resources: ArmResource[]; conflicts: CopyConflict[] } {
  const merged = new Map<string, ReadCopy>();
  const conflicted = new Map<string, CopyConflict>();
  let repeated = false;
  for (const copy of copies) {
    const earlier = merged.get(copy.resource.key);
    if (!earlier) {
      merged.set(copy.resource.key, copy);
      continue;
    }
    repeated = true;
    if (conflicted.has(copy.resource.key)) continue;
    const path = sameName(earlier.resource, copy.resource) ?? firstDifference(withoutIdentity(earlier.resource.raw), withoutIdentity(copy.resource.raw), '');
    if (path !== undefined) {
      conflicted.set(copy.resource.key, {
        id: copy.resource.id,
        type: copy.resource.type,
        path: path.path,
        first: { location: earlier.location, value: path.first },
        second: { location: copy.location, value: path.second },
      });
      continue;
    }
    merged.set(copy.resource.key, { resource: mergeResource(earlier.resource, copy.resource), location: earlier.location });
  }
  if (!repeated) return { resources: copies.map((copy) => copy.resource), conflicts: [] };
  const resources: ArmResource[] = [];
  for (const [key, copy] of merged) if (!conflicted.has(key)) resources.push(copy.resource);
  return { resources, conflicts: [...conflicted.values()] };
}

/** The id, type and name are compared as ARM compares them (case-insensitively), not as text. */
function withoutIdentity(raw: JsonObject): JsonObject {
  const { id: _id, type: _type, name: _name, ...rest } = raw;
  return rest;
}

function sameName(a: ArmResource, b: ArmResource): { path: string; first: unknown; second: unknown } | undefined {
  return a.name.toLowerCase() === b.name.toLowerCase() ? undefined : { path: 'name', first: a.raw.name, second: b.raw.name };
}

/**
 * Where two readings of the same JSON first disagree, or undefined when they agree: objects
 * agree when every key both have agrees (one may have keys the other lacks, and `null` is a
 * key not sent); arrays when they have the same length and agree item by item; anything
 * else when it is the same value.
 */
function firstDifference(a: unknown, b: unknown, path: string): { path: string; first: unknown; second: unknown } | undefined {
  if (a === undefined || a === null || b === undefined || b === null) return undefined;
  if (isJsonObject(a) && isJsonObject(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b)) continue;
      const found = firstDifference(a[key], b[key], path === '' ? key : `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return { path, first: a, second: b };
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : { path, first: a, second: b };
}

/** Two agreeing copies as one: every key either has, recursively. */
function mergeResource(earlier: ArmResource, later: ArmResource): ArmResource {
  const raw = mergeJson(earlier.raw, later.raw) as JsonObject;
  const properties = isJsonObject(raw.properties) ? raw.properties : later.properties;
  return later instanceof IndexedResource ? later.withRaw(raw, properties) : { ...later, properties, raw };
}

function mergeJson(a: unknown, b: unknown): unknown {
  if (b === undefined || b === null) return a ?? b;
  if (isJsonObject(a) && isJsonObject(b)) {
    const merged: JsonObject = { ...a };
    for (const [key, value] of Object.entries(b)) merged[key] = mergeJson(a[key], value);
    return merged;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.map((item, i) => mergeJson(item, b[i]));
  return b;
}
