import { DIAGNOSTIC_SETTING_TYPE } from '../../inventory/arm-types.js';
import { pushTo } from '../../inventory/collections.js';
import { typeKey } from '../../inventory/arm-id.js';
import { APP_SERVICE_READERS } from './appservice.js';
import { AUTHORIZATION_READERS } from './authorization.js';
import { COMPUTE_READERS } from './compute.js';
import { CONTAINER_READERS } from './containers.js';
import { COSMOS_DB_READERS } from './cosmosdb.js';
import { FLEXIBLE_SERVER_READERS } from './flexible-servers.js';
import { REDIS_READERS } from './redis.js';
import { EVENT_GRID_READERS } from './eventgrid.js';
import { EVENT_HUB_READERS } from './eventhub.js';
import { IOT_HUB_READERS } from './iothub.js';
import { KEY_VAULT_READERS } from './keyvault.js';
import { MONITOR_READERS } from './monitor.js';
import { NETWORK_READERS } from './network.js';
import { NETWORK_WATCHER_READERS } from './network-watcher.js';
import type { ResourceReader } from './reader.js';
import { SECURITY_READERS } from './security.js';
import { SQL_READERS } from './sql.js';
import { STORAGE_READERS } from './storage.js';

export { idPlaceholder, type ArmRequest, type ParentResource, type ResourceReader } from './reader.js';
export { DIAGNOSTIC_SETTINGS, readDiagnosticSettings } from './diagnostics.js';
export { readSubscriptionList, SUBSCRIPTION_LIST } from './subscriptions.js';
export { WITH_BLOBS } from './storage.js';

/**
 * Every type a live scan can read, grouped by service in their own modules: one reader per
 * type, and another per parent type where some resources of the type are listed only under
 * their parent (scale set instances' network interfaces).
 */
const READERS: readonly ResourceReader[] = [
  ...NETWORK_READERS,
  ...SQL_READERS,
  ...FLEXIBLE_SERVER_READERS,
  ...COSMOS_DB_READERS,
  ...REDIS_READERS,
  ...STORAGE_READERS,
  ...APP_SERVICE_READERS,
  ...CONTAINER_READERS,
  ...COMPUTE_READERS,
  ...IOT_HUB_READERS,
  ...KEY_VAULT_READERS,
  ...EVENT_HUB_READERS,
  ...EVENT_GRID_READERS,
  ...MONITOR_READERS,
  ...NETWORK_WATCHER_READERS,
  ...SECURITY_READERS,
  ...AUTHORIZATION_READERS,
];

const BY_TYPE = new Map<string, ResourceReader[]>();
for (const reader of READERS) pushTo(BY_TYPE, typeKey(reader.type), reader);

/** The readers that together read every resource of `type`. */
export function readersFor(type: string): readonly ResourceReader[] {
  return BY_TYPE.get(typeKey(type)) ?? [];
}

/** Every reader, in the order above: the order the plan lists reads in. */
export function everyReader(): readonly ResourceReader[] {
  return READERS;
}

/** Readers listed once per subscription (not per parent): what a rule over every type reads. */
export function topLevelReaders(): ResourceReader[] {
  return READERS.filter((reader) => reader.parentType === undefined);
}

/**
 * How the snapshot's `collected` names what a reader read for every parent: its type, or
 * `Type@ParentType` when the type is not the parent's own child type (network interfaces read
 * for every scale set are not all network interfaces).
 */
export function collectedName(reader: ResourceReader): string {
  const { type, parentType } = reader;
  return parentType === undefined || typeKey(type).startsWith(`${typeKey(parentType)}/`) ? type : `${type}@${parentType}`;
}

export { DIAGNOSTIC_SETTING_TYPE };
