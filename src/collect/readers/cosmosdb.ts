import type { ResourceReader } from './reader.js';

export const COSMOS_DB_READERS: readonly ResourceReader[] = [];
