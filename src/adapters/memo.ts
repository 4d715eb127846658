import type { ArmResource } from '../inventory/types.js';

/**
 * Caches an adapter's view per resource: several rules read the same view (five NSG rules,
 * one NSG evaluation), and a large estate should pay for each view once. A thrown
 * NotEvaluated is cached too, so every rule that needs a malformed view reports the same reason.
 */
export function memoizeByResource<T>(build: (resource: ArmResource) => T): (resource: ArmResource) => T {
  const cache = new WeakMap<ArmResource, { value: T } | { error: unknown }>();
  return (resource) => {
    let entry = cache.get(resource);
    if (!entry) {
      try {
        entry = { value: build(resource) };
      } catch (error) {
        entry = { error };
      }
      cache.set(resource, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.value;
  };
}
