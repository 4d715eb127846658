import type { ArmResource } from '../inventory/types.js';

/**
 * Caches an adapter's view of the most recent resource. Several rules read the same view
 * (five NSG rules, one NSG evaluation), and the engine runs all rules of a resource back to
 * back, so one entry is enough — and nothing is kept for the whole estate. A thrown
 * NotEvaluated is cached too, so every rule that needs a malformed view reports the same reason.
 */
export function memoizeByResource<T>(build: (resource: ArmResource) => T): (resource: ArmResource) => T {
  let lastResource: ArmResource | undefined;
  let lastEntry: { value: T } | { error: unknown } | undefined;
  return (resource) => {
    if (resource !== lastResource || lastEntry === undefined) {
      try {
        lastEntry = { value: build(resource) };
      } catch (error) {
        lastEntry = { error };
      }
      lastResource = resource;
    }
    if ('error' in lastEntry) throw lastEntry.error;
    return lastEntry.value;
  };
}
