import { COSMOS_DB_ENDPOINTS } from './cosmosdb.js';
import { REDIS_ENDPOINTS } from './redis.js';
import { AKS_API_SERVER } from './aks.js';
import { CONTAINER_REGISTRY_LOGIN_SERVER } from './containerregistry.js';
import type { PlatformEndpointSource } from './source.js';

export type { PlatformEndpointSource } from './source.js';

/** Every platform service `azscan exposure` evaluates, one module each in this folder. */
export const PLATFORM_ENDPOINT_SOURCES: readonly PlatformEndpointSource[] = [
  COSMOS_DB_ENDPOINTS,
  REDIS_ENDPOINTS,
  AKS_API_SERVER,
  CONTAINER_REGISTRY_LOGIN_SERVER,
];
