import type { ResourceReader } from './reader.js';

export const REDIS_READERS: readonly ResourceReader[] = [];
