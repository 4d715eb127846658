import { ARM_COLUMNS } from './normalise.js';

/**
 * Subscriptions per Graph query. Graph takes many subscriptions in one query; the number of
 * queries an estate costs is set mostly by its rows (1,000 a page), not by the batches, so
 * batches are kept small enough that a denied or throttled-out query falls back to ARM for few
 * subscriptions, that batches page in parallel, and that a subscription's children are read as
 * soon as its batch has answered.
 */
export const GRAPH_BATCH_SIZE = 100;

/** Rows per page: Graph's largest (`$top` at most 1,000). */
export const GRAPH_PAGE_SIZE = 1000;

/** Graph queries of one scan in flight at once: Graph's per-user quota (15 per 5 s by default) is the real bound. */
export const GRAPH_QUERIES_IN_FLIGHT = 4;

/**
 * The inventory query for `types`: the `resources` table narrowed to those types, ARM's columns
 * only, ordered by id so that `$skipToken` pages are stable (Graph documents paging of an
 * unordered query as unreliable). Types are azscan's own constants, checked here all the same,
 * since they are pasted into query text.
 */
export function inventoryQuery(types: readonly string[]): string {
  if (types.length === 0) throw new Error('a Resource Graph inventory query needs at least one type');
  for (const type of types) if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)+$/.test(type)) throw new Error(`not a resource type: ${type}`);
  const list = types.map((type) => `'${type.toLowerCase()}'`).join(', ');
  return `Resources | where type in~ (${list}) | project ${ARM_COLUMNS.join(', ')} | order by id asc`;
}
