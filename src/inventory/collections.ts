/** Lists kept under keys: the inventory's indexes, the exposure graph's, the reports' groups. */

/** Appends to the list under `key`, starting it when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The items in groups of equal `key`, groups in the order their first item comes. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) pushTo(groups, key(item), item);
  return [...groups.values()];
}
