import { DIAGNOSTIC_SETTING_TYPE } from '../../adapters/diagnostics.js';
import { typeKey } from '../../inventory/arm-id.js';
import type { ArmClients } from '../clients.js';
import { readValue } from '../read.js';
import { EVENT_GRID_READERS } from './eventgrid.js';
import { EVENT_HUB_READERS } from './eventhub.js';
import { IOT_HUB_READERS } from './iothub.js';
import { KEY_VAULT_READERS } from './keyvault.js';
import { MONITOR_READERS } from './monitor.js';
import { NETWORK_READERS } from './network.js';
import type { ResourceReader } from './reader.js';
import { SECURITY_READERS } from './security.js';
import { SQL_READERS } from './sql.js';
import { STORAGE_READERS } from './storage.js';

export type { ParentResource, ResourceReader } from './reader.js';

/** Every type a live scan can read, one reader each, grouped by service in their own modules. */
const READERS: readonly ResourceReader[] = [
  ...NETWORK_READERS,
  ...SQL_READERS,
  ...STORAGE_READERS,
  ...IOT_HUB_READERS,
  ...KEY_VAULT_READERS,
  ...EVENT_HUB_READERS,
  ...EVENT_GRID_READERS,
  ...MONITOR_READERS,
  ...SECURITY_READERS,
];

const BY_TYPE = new Map(READERS.map((reader) => [typeKey(reader.type), reader]));

export function readerFor(type: string): ResourceReader | undefined {
  return BY_TYPE.get(typeKey(type));
}

/** Every type listed per subscription (not per parent): what a rule over every type reads. */
export function topLevelTypes(): string[] {
  return READERS.filter((reader) => reader.parentType === undefined).map((reader) => reader.type);
}

/** Diagnostic settings of one resource (an extension collection, not paged). */
export async function readDiagnosticSettings(clients: ArmClients, subscriptionId: string, targetId: string): Promise<unknown[]> {
  const monitor = await clients.monitor(subscriptionId);
  // The SDK puts the URI after its own `/`; a leading slash would make `//` and a 404.
  const uri = targetId.replace(/^\/+/, '');
  return readValue((options) => monitor.diagnosticSettings.list(uri, options));
}

export { DIAGNOSTIC_SETTING_TYPE };
