import type { ExposureUnknown, PlatformEndpoint } from '../../../model/exposure.js';
import { NotEvaluated } from '../../../model/not-evaluated.js';
import { SUBSCRIPTION_TYPE } from '../../../inventory/arm-types.js';
import { idKey, typeKey } from '../../../inventory/arm-id.js';
import { describeFailure, type Inventory } from '../../../inventory/inventory.js';
import { isScannedState } from '../../../inventory/subscriptions.js';
import { PLATFORM_ENDPOINT_SOURCES, type PlatformEndpointSource } from './index.js';

/**
 * Every platform endpoint in the estate that something outside reaches, and what could not be
 * evaluated. Nothing unread is left out silently: a resource whose network settings cannot be
 * read, or whose deciding child type was not read, is unknown (its id, the code and reason of
 * the NotEvaluated its source threw); a read of a source's type that failed is unknown at the
 * read's scope; a malformed resource of such a type is unknown; and a snapshot that did not read
 * a source's type in a subscription has that subscription unknown, with the types named. A bare
 * array of resources is what it lists (as for `scan`), so only its child reads can be missing.
 */
export function platformExposure(inventory: Inventory, sources: readonly PlatformEndpointSource[] = PLATFORM_ENDPOINT_SOURCES): { endpoints: PlatformEndpoint[]; unknown: ExposureUnknown[] } {
  const endpoints: PlatformEndpoint[] = [];
  const unknown = new Map<string, ExposureUnknown>();
  const add = (entry: ExposureUnknown): void => {
    const key = `${idKey(entry.id)}|${entry.code}|${entry.reason}`;
    if (!unknown.has(key)) unknown.set(key, entry);
  };
  for (const source of sources) {
    for (const resource of inventory.ofType(source.resourceType)) {
      try {
        endpoints.push(...source.endpoints(resource, inventory));
      } catch (error) {
        if (!(error instanceof NotEvaluated)) throw error;
        add({ id: resource.id, code: error.code, reason: `${resource.name}: ${error.reason}` });
      }
    }
    for (const failure of inventory.failuresReading(source.resourceType)) add({ id: failure.scope, code: failure.code, reason: describeFailure(failure) });
    for (const bad of inventory.malformed) {
      if (bad.resourceId === undefined || bad.resourceType === undefined || typeKey(bad.resourceType) !== typeKey(source.resourceType)) continue;
      add({ id: bad.resourceId, code: bad.code ?? 'MalformedResource', reason: bad.code === undefined ? `${bad.location} is malformed: ${bad.reason}` : bad.reason });
    }
  }
  for (const entry of notCollected(inventory, sources)) add(entry);
  return { endpoints: sortByHost(endpoints), unknown: [...unknown.values()].sort((a, b) => compare(idKey(a.id), idKey(b.id)) || compare(a.reason, b.reason)) };
}

/** Per subscription a snapshot scanned, the sources' types it did not read, as one entry. */
function notCollected(inventory: Inventory, sources: readonly PlatformEndpointSource[]): ExposureUnknown[] {
  if (inventory.source.kind === 'array') return [];
  const types = [...new Map(sources.map((source) => [typeKey(source.resourceType), source.resourceType])).values()];
  const missing = types.filter((type) => !inventory.isCollected(type, SUBSCRIPTION_TYPE));
  if (missing.length === 0) return [];
  return inventory.subscriptions
    .filter((subscription) => isScannedState(subscription.state))
    .map((subscription) => ({
      id: `/subscriptions/${subscription.subscriptionId}`,
      code: 'NotCollected',
      reason: `not collected, so their platform endpoints are unknown: ${missing.join(', ')}`,
    }));
}

/** By host (case-insensitively, as DNS compares), then first port, service and resource id: the same estate, the same order. */
function sortByHost(endpoints: readonly PlatformEndpoint[]): PlatformEndpoint[] {
  const keyed = endpoints.map((endpoint) => ({
    endpoint,
    key: `${endpoint.host.toLowerCase()}|${String(endpoint.ports[0] ?? 0).padStart(5, '0')}|${endpoint.service}|${idKey(endpoint.resourceId)}`,
  }));
  keyed.sort((a, b) => compare(a.key, b.key));
  return keyed.map((entry) => entry.endpoint);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
