import type { ResourceReader } from './reader.js';

export const APP_SERVICE_READERS: readonly ResourceReader[] = [];
