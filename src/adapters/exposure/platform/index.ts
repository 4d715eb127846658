import { AKS_API_SERVER } from './aks.js';
import { APP_SERVICE_SITE_ENDPOINTS, APP_SERVICE_SLOT_ENDPOINTS } from './appservice.js';
import { CONTAINER_REGISTRY_LOGIN_SERVER } from './containerregistry.js';
import { COSMOS_DB_ENDPOINTS } from './cosmosdb.js';
import { EVENT_GRID_MQTT_ENDPOINTS } from './eventgrid.js';
import { EVENT_HUB_ENDPOINTS } from './eventhub.js';
import { MYSQL_ENDPOINTS, POSTGRESQL_ENDPOINTS } from './flexible-servers.js';
import { IOT_HUB_ENDPOINTS } from './iothub.js';
import { KEY_VAULT_ENDPOINTS } from './keyvault.js';
import { REDIS_ENDPOINTS } from './redis.js';
import { SQL_SERVER_ENDPOINTS } from './sql.js';
import { STORAGE_ENDPOINTS } from './storage.js';
import type { PlatformEndpointSource } from './source.js';

export type { PlatformEndpointSource } from './source.js';

/** Every platform service `azscan exposure` evaluates, one module each in this folder. */
export const PLATFORM_ENDPOINT_SOURCES: readonly PlatformEndpointSource[] = [
  STORAGE_ENDPOINTS,
  SQL_SERVER_ENDPOINTS,
  POSTGRESQL_ENDPOINTS,
  MYSQL_ENDPOINTS,
  COSMOS_DB_ENDPOINTS,
  REDIS_ENDPOINTS,
  KEY_VAULT_ENDPOINTS,
  EVENT_HUB_ENDPOINTS,
  IOT_HUB_ENDPOINTS,
  EVENT_GRID_MQTT_ENDPOINTS,
  CONTAINER_REGISTRY_LOGIN_SERVER,
  APP_SERVICE_SITE_ENDPOINTS,
  APP_SERVICE_SLOT_ENDPOINTS,
  AKS_API_SERVER,
];
