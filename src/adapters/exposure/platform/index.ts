import { COSMOS_DB_ENDPOINTS } from './cosmosdb.js';
import { REDIS_ENDPOINTS } from './redis.js';
import type { PlatformEndpointSource } from './source.js';

export type { PlatformEndpointSource } from './source.js';

/** Every platform service `azscan exposure` evaluates, one module each in this folder. */
export const PLATFORM_ENDPOINT_SOURCES: readonly PlatformEndpointSource[] = [
  COSMOS_DB_ENDPOINTS,
  REDIS_ENDPOINTS,
];
