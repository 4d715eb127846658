/** `--inventory`: where top-level resources are listed from. Kept free of imports: `--help` loads it. */
export const INVENTORY_MODES = ['arm', 'resource-graph', 'auto'] as const;
export type InventoryMode = (typeof INVENTORY_MODES)[number];

/**
 * `auto` uses Resource Graph above this many subscriptions. At or below it, ARM's lists cost at
 * most a few thousand GETs, spread over each subscription's own read limit, and are never behind
 * ARM; above it, Graph lists the estate in a query per 1,000 rows instead of a GET per
 * subscription × type (see docs/resource-graph.md).
 */
export const GRAPH_AUTO_THRESHOLD = 50;

export function usesResourceGraph(mode: InventoryMode, subscriptions: number): boolean {
  return mode === 'resource-graph' || (mode === 'auto' && subscriptions > GRAPH_AUTO_THRESHOLD);
}
