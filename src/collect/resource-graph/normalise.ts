import { isJsonObject, type JsonObject } from '../../inventory/types.js';
import { canonicalGraphType } from './types.js';

/**
 * The columns of Graph's `resources` table that ARM's GET has too, as ARM names them. Graph's
 * own columns (`tenantId`, `subscriptionId`, `resourceGroup`) are left out: ARM's GET has none
 * of them at the top level, and azscan works them out from the id as it does for ARM.
 */
export const ARM_COLUMNS = ['id', 'name', 'type', 'location', 'kind', 'sku', 'tags', 'properties', 'identity', 'zones', 'managedBy', 'plan', 'extendedLocation'] as const;

/** Columns Graph fills with "" when the resource has no value, where ARM leaves the field out. */
const EMPTY_AS_ABSENT: ReadonlySet<string> = new Set(['location', 'kind', 'managedBy']);

/** A Graph row as ARM's GET would have sent the resource, or why it cannot be one. */
export type NormalisedRow = { readonly resource: JsonObject; readonly subscriptionKey: string } | { readonly problem: string };

/**
 * The one place a Resource Graph row becomes ARM's GET shape (see docs/resource-graph.md):
 * - `type` back to azscan's casing (Graph lower-cases it), from src/inventory/arm-types.ts;
 *   a type azscan did not ask for is a problem, not a resource to keep;
 * - only ARM's columns, in ARM's names; Graph-only columns dropped;
 * - a column Graph sends as null (a dynamic column with no value) or "" (a string column with
 *   no value) is left out, as ARM leaves the field out;
 * - `properties` kept as Graph sent it (Graph stores what the resource provider returned, at
 *   an api-version of Graph's choosing), and must be an object when present.
 * A row without an id under /subscriptions/, without a type, or not an object is a problem:
 * the caller records the batch as a failed read, never as zero resources.
 */
export function normaliseGraphRow(row: unknown): NormalisedRow {
  if (!isJsonObject(row)) return { problem: `a row is ${row === null ? 'null' : Array.isArray(row) ? 'an array' : typeof row}, not an object` };
  const { id, type } = row;
  if (typeof id !== 'string' || id === '') return { problem: 'a row has no id' };
  const subscription = /^\/subscriptions\/([^/]+)\//i.exec(id);
  if (!subscription) return { problem: `a row's id is not under a subscription: ${id.slice(0, 120)}` };
  if (typeof type !== 'string' || type === '') return { problem: `the row ${id.slice(0, 120)} has no type` };
  const canonical = canonicalGraphType(type);
  if (canonical === undefined) return { problem: `the row ${id.slice(0, 120)} is of a type azscan did not ask for (${type.slice(0, 80)})` };
  if (row.properties !== undefined && row.properties !== null && !isJsonObject(row.properties)) return { problem: `the row ${id.slice(0, 120)} has properties that are not an object` };

  const resource: JsonObject = {};
  for (const column of ARM_COLUMNS) {
    const value = row[column];
    if (value === undefined || value === null) continue;
    if (value === '' && EMPTY_AS_ABSENT.has(column)) continue;
    resource[column] = value;
  }
  resource.type = canonical;
  return { resource, subscriptionKey: subscription[1]!.toLowerCase() };
}
