import type { ResourceReader } from './reader.js';

export const FLEXIBLE_SERVER_READERS: readonly ResourceReader[] = [];
