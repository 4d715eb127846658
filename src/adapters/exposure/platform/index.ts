import { APP_SERVICE_SITE_ENDPOINTS, APP_SERVICE_SLOT_ENDPOINTS } from './appservice.js';
import type { PlatformEndpointSource } from './source.js';

export type { PlatformEndpointSource } from './source.js';

/** Every platform service `azscan exposure` evaluates, one module each in this folder. */
export const PLATFORM_ENDPOINT_SOURCES: readonly PlatformEndpointSource[] = [
  APP_SERVICE_SITE_ENDPOINTS,
  APP_SERVICE_SLOT_ENDPOINTS,
];
