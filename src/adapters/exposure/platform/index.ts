import { MYSQL_ENDPOINTS, POSTGRESQL_ENDPOINTS } from './flexible-servers.js';
import type { PlatformEndpointSource } from './source.js';

export type { PlatformEndpointSource } from './source.js';

/** Every platform service `azscan exposure` evaluates, one module each in this folder. */
export const PLATFORM_ENDPOINT_SOURCES: readonly PlatformEndpointSource[] = [
  POSTGRESQL_ENDPOINTS, MYSQL_ENDPOINTS,
];
