import { MalformedProperty } from '../model/not-evaluated.js';
import type { Evidence } from '../model/evidence.js';
import { type ArmResource, isJsonObject, type JsonObject } from '../inventory/types.js';

/**
 * One setting of a resource as a rule sees it: the value in effect, where it lives, and
 * whether ARM sent it or it is Azure's default for an absent property. Defaults are written
 * in the adapters, once, with the API version that set them.
 */
export interface Setting<T> {
  readonly value: T;
  readonly resourceId: string;
  /** `properties.minimumTlsVersion` */
  readonly path: string;
  /** True when ARM did not send the property (or sent null) and `value` is the default. */
  readonly absent: boolean;
  readonly raw: unknown;
}

/** Evidence for a report: the property, its value, or that it was absent and what that means. */
export function evidence(setting: Setting<unknown>, note?: string): Evidence {
  if (setting.absent) {
    return {
      resourceId: setting.resourceId,
      path: setting.path,
      absent: true,
      note: note ?? `not set; Azure treats it as ${JSON.stringify(setting.value)}`,
    };
  }
  return { resourceId: setting.resourceId, path: setting.path, value: setting.raw, ...(note === undefined ? {} : { note }) };
}

/** Reads a dotted path (`properties.networkAcls.defaultAction`) from an ARM object. */
export function valueAt(object: JsonObject, path: string): unknown {
  let current: unknown = object;
  for (const key of pathKeys(path)) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

// Rules read the same few paths for every resource; split each once.
const splitPaths = new Map<string, readonly string[]>();
function pathKeys(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (splitPaths.size < 1000) splitPaths.set(path, keys);
  }
  return keys;
}

function read<T>(resource: ArmResource, path: string, defaultValue: T, parse: (raw: unknown) => T | undefined, expected: string): Setting<T> {
  const raw = valueAt(resource.raw, path);
  if (raw === undefined || raw === null) return { value: defaultValue, resourceId: resource.id, path, absent: true, raw };
  const value = parse(raw);
  if (value === undefined) throw new MalformedProperty(path, expected, raw);
  return { value, resourceId: resource.id, path, absent: false, raw };
}

export function readBoolean<T extends boolean | undefined>(resource: ArmResource, path: string, defaultValue: T): Setting<boolean | T> {
  // ARM templates and some exports write booleans as strings; "true"/"false" mean the same.
  return read<boolean | T>(resource, path, defaultValue, (raw) => {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'True') return true;
    if (raw === 'false' || raw === 'False') return false;
    return undefined;
  }, 'true or false');
}

export function readString<T extends string | undefined>(resource: ArmResource, path: string, defaultValue: T): Setting<string | T> {
  return read<string | T>(resource, path, defaultValue, (raw) => (typeof raw === 'string' ? raw : undefined), 'a string');
}

export function readNumber<T extends number | undefined>(resource: ArmResource, path: string, defaultValue: T): Setting<number | T> {
  return read<number | T>(resource, path, defaultValue, (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined), 'a number');
}

export function readArray(resource: ArmResource, path: string): Setting<readonly unknown[]> {
  return read<readonly unknown[]>(resource, path, [], (raw) => (Array.isArray(raw) ? raw : undefined), 'an array');
}

/**
 * An object-valued property (a profile, a rule set): absent (missing or null) is undefined;
 * present, it must be an object. valueAt reads a path under a non-object as absent, so an
 * accessor reading `properties.networkProfile.networkPolicy` checks `networkProfile` with this
 * first, and a malformed profile is never mistaken for "not set".
 */
export function readObject(resource: ArmResource, path: string): JsonObject | undefined {
  const raw = valueAt(resource.raw, path);
  if (raw === undefined || raw === null) return undefined;
  if (!isJsonObject(raw)) throw new MalformedProperty(path, 'an object', raw);
  return raw;
}

/**
 * The id an ARM reference (`{ "id": "…" }`) at `path` points at. A missing key or `null` is no
 * reference; anything else that is not an object with a non-empty string `id` (`7`, `"x"`,
 * `{}`, `{ "id": 42 }`, `{ "id": null }`) is malformed, never read as "no reference": a
 * reference that cannot be read may point at the NSG or the pool that decides a finding.
 */
export function readRef(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (isJsonObject(value) && typeof value.id === 'string' && value.id.trim() !== '') return value.id;
  throw new MalformedProperty(path, 'a reference {"id": "<resource id>"}', value);
}

/** An array of ARM references at `path`; absent (missing or null) is none, anything else must be an array of references. */
export function readRefs(value: unknown, path: string): string[] {
  return readList(value, path).map((entry, i) => {
    const id = readRef(entry, `${path}[${i}]`);
    if (id === undefined) throw new MalformedProperty(`${path}[${i}]`, 'a reference {"id": "<resource id>"}', entry);
    return id;
  });
}

/** An ARM array at `path`: absent (missing or null) is empty; present, it must be an array. */
export function readList(value: unknown, path: string): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MalformedProperty(path, 'an array', value);
  return value;
}

/** Case-insensitive comparison, since ARM enum values arrive as `Enabled`, `enabled` or `ENABLED`. */
export function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
