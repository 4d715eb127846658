/**
 * Reading a scan result's long lists (findings, not-evaluated entries, outcomes, read errors)
 * the one way reporters may: a `for … of` pass from the start, never their length, an index or
 * a whole-list copy, so that the lists can be backed by something other than an array (a file
 * spilled to disk) without a reporter noticing. Counts come from the result's `summary`.
 */

/** Each item through `to`, read lazily: one pass, nothing kept. */
export function* eachMapped<T, U>(items: Iterable<T>, to: (item: T) => U): Generator<U> {
  for (const item of items) yield to(item);
}

/** The first `max` items that `keep` keeps, in order; the pass stops there. */
export function firstOf<T>(items: Iterable<T>, max: number, keep: (item: T) => boolean = () => true): T[] {
  const first: T[] = [];
  if (max <= 0) return first;
  for (const item of items) {
    if (!keep(item)) continue;
    first.push(item);
    if (first.length >= max) break;
  }
  return first;
}

/** How many items `keep` keeps (all of them by default), in one pass. */
export function countOf<T>(items: Iterable<T>, keep: (item: T) => boolean = () => true): number {
  let count = 0;
  for (const item of items) if (keep(item)) count++;
  return count;
}
