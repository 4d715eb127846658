import { DIAGNOSTIC_SETTING_TYPE } from '../adapters/diagnostics.js';
import { IOT_HUB_TYPE } from '../adapters/iothub.js';
import { SQL_AUDITING_TYPE, SQL_DATABASE_TYPE, SQL_FIREWALL_RULE_TYPE, SQL_SERVER_TYPE, SQL_TDE_TYPE } from '../adapters/sql.js';
import { BLOB_CONTAINER_TYPE, BLOB_SERVICE_TYPE, hasBlobService, STORAGE_ACCOUNT_TYPE } from '../adapters/storage.js';
import { NSG_TYPE } from '../checks/port-exposure.js';
import { parseArmId, typeKey } from '../inventory/arm-id.js';
import type { ArmClients } from './clients.js';
import { readList, readOne, readValue } from './read.js';

/** A resource read so far, as much of it as readers of its children need. */
export interface ParentResource {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
}

/**
 * How to read one resource type. Top-level types are listed once per subscription; child
 * types once per parent of `parentType`, as that parent is read. Each reader returns the
 * resources as ARM sent them.
 */
export interface ResourceReader {
  readonly type: string;
  readonly parentType?: string;
  read(clients: ArmClients, subscriptionId: string, parent: ParentResource | undefined): Promise<unknown[]>;
}

export const NIC_TYPE = 'Microsoft.Network/networkInterfaces';
export const PUBLIC_IP_TYPE = 'Microsoft.Network/publicIPAddresses';
export const KEY_VAULT_TYPE = 'Microsoft.KeyVault/vaults';
export const EVENT_HUB_NAMESPACE_TYPE = 'Microsoft.EventHub/namespaces';

/** Resource group and name of a parent, which the SDKs' child operations take. */
function place(parent: ParentResource | undefined): { group: string; name: string } {
  const parsed = parent ? parseArmId(parent.id) : undefined;
  if (!parent || !parsed?.resourceGroup) throw new Error(`a child reader needs a parent in a resource group, got ${parent?.id}`);
  return { group: parsed.resourceGroup, name: parsed.name ?? parent.name };
}

const READERS: readonly ResourceReader[] = [
  {
    type: NSG_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.networkSecurityGroups.listAll(options));
    },
  },
  {
    type: NIC_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.networkInterfaces.listAll(options));
    },
  },
  {
    type: PUBLIC_IP_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.publicIPAddresses.listAll(options));
    },
  },
  {
    type: SQL_SERVER_TYPE,
    read: async (clients, sub) => {
      const sql = await clients.sql(sub);
      return readList((options) => sql.servers.list(options));
    },
  },
  {
    type: SQL_DATABASE_TYPE,
    parentType: SQL_SERVER_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return readList((options) => sql.databases.listByServer(server.group, server.name, options));
    },
  },
  {
    type: SQL_FIREWALL_RULE_TYPE,
    parentType: SQL_SERVER_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return readList((options) => sql.firewallRules.listByServer(server.group, server.name, options));
    },
  },
  {
    type: SQL_AUDITING_TYPE,
    parentType: SQL_SERVER_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const server = place(parent);
      return [await readOne((options) => sql.serverBlobAuditingPolicies.get(server.group, server.name, options))];
    },
  },
  {
    type: SQL_TDE_TYPE,
    parentType: SQL_DATABASE_TYPE,
    read: async (clients, sub, parent) => {
      const sql = await clients.sql(sub);
      const database = place(parent);
      const server = parseArmId(parseArmId(parent!.id).parentId ?? '').name ?? '';
      return [await readOne((options) => sql.transparentDataEncryptions.get(database.group, server, database.name, 'current', options))];
    },
  },
  {
    type: STORAGE_ACCOUNT_TYPE,
    read: async (clients, sub) => {
      const storage = await clients.storage(sub);
      return readList((options) => storage.storageAccounts.list(options));
    },
  },
  {
    type: BLOB_SERVICE_TYPE,
    parentType: STORAGE_ACCOUNT_TYPE,
    read: async (clients, sub, parent) => {
      if (!hasBlobs(parent)) return [];
      const storage = await clients.storage(sub);
      const account = place(parent);
      return [await readOne((options) => storage.blobServices.getServiceProperties(account.group, account.name, options))];
    },
  },
  {
    type: BLOB_CONTAINER_TYPE,
    parentType: STORAGE_ACCOUNT_TYPE,
    read: async (clients, sub, parent) => {
      if (!hasBlobs(parent)) return [];
      const storage = await clients.storage(sub);
      const account = place(parent);
      return readList((options) => storage.blobContainers.list(account.group, account.name, options));
    },
  },
  {
    type: IOT_HUB_TYPE,
    read: async (clients, sub) => {
      const iot = await clients.iotHub(sub);
      return readList((options) => iot.iotHubResource.listBySubscription(options));
    },
  },
  {
    type: KEY_VAULT_TYPE,
    read: async (clients, sub) => {
      const vaults = await clients.keyVault(sub);
      return readList((options) => vaults.vaults.listBySubscription(options));
    },
  },
  {
    type: EVENT_HUB_NAMESPACE_TYPE,
    read: async (clients, sub) => {
      const eventHub = await clients.eventHub(sub);
      return readList((options) => eventHub.namespaces.list(options));
    },
  },
];

/** FileStorage accounts have no blob service: asking for one would only return an error. */
function hasBlobs(parent: ParentResource | undefined): boolean {
  return parent !== undefined && hasBlobService(parent);
}

const BY_TYPE = new Map(READERS.map((reader) => [typeKey(reader.type), reader]));

export function readerFor(type: string): ResourceReader | undefined {
  return BY_TYPE.get(typeKey(type));
}

/** Diagnostic settings of one resource (an extension collection, not paged). */
export async function readDiagnosticSettings(clients: ArmClients, subscriptionId: string, targetId: string): Promise<unknown[]> {
  const monitor = await clients.monitor(subscriptionId);
  // The SDK puts the URI after its own `/`; a leading slash would make `//` and a 404.
  const uri = targetId.replace(/^\/+/, '');
  return readValue((options) => monitor.diagnosticSettings.list(uri, options));
}

export { DIAGNOSTIC_SETTING_TYPE };
