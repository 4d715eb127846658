import type { AnyRule as Rule } from '../src/engine/rule.js';
import iothubOpenToAllNetworks from './iothub/iothub-open-to-all-networks.js';
import iothubSharedAccessKeysEnabled from './iothub/iothub-shared-access-keys-enabled.js';
import iothubTlsBelow12 from './iothub/iothub-tls-below-1-2.js';
import resourceLogsNotCollected from './monitor/resource-logs-not-collected.js';
import nsgAllPortsOpen from './nsg/nsg-all-ports-open.js';
import nsgDatabasePortOpen from './nsg/nsg-database-port-open.js';
import nsgElasticsearchOpen from './nsg/nsg-elasticsearch-open.js';
import nsgManagementPortOpen from './nsg/nsg-management-port-open.js';
import nsgMqttOpen from './nsg/nsg-mqtt-open.js';
import sqlAuditingDisabled from './sql/sql-auditing-disabled.js';
import sqlFirewallAllowsInternet from './sql/sql-firewall-allows-internet.js';
import sqlTdeDisabled from './sql/sql-tde-disabled.js';
import sqlTlsBelow12 from './sql/sql-tls-below-1-2.js';
import datalakeOpenToAllNetworks from './storage/datalake-open-to-all-networks.js';
import storageBlobAnonymousAccessAllowed from './storage/storage-blob-anonymous-access-allowed.js';
import storageContainerPublic from './storage/storage-container-public.js';
import storageSecureTransferDisabled from './storage/storage-secure-transfer-disabled.js';
import storageTlsBelow12 from './storage/storage-tls-below-1-2.js';

/** The rule catalogue, in id order. */
export const RULES: readonly Rule[] = [
  nsgManagementPortOpen,
  nsgElasticsearchOpen,
  nsgMqttOpen,
  nsgDatabasePortOpen,
  nsgAllPortsOpen,
  sqlTdeDisabled,
  sqlFirewallAllowsInternet,
  sqlAuditingDisabled,
  sqlTlsBelow12,
  storageBlobAnonymousAccessAllowed,
  storageContainerPublic,
  datalakeOpenToAllNetworks,
  storageSecureTransferDisabled,
  storageTlsBelow12,
  iothubSharedAccessKeysEnabled,
  iothubOpenToAllNetworks,
  iothubTlsBelow12,
  resourceLogsNotCollected,
];
