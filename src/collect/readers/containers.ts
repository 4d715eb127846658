import type { ResourceReader } from './reader.js';

export const CONTAINER_READERS: readonly ResourceReader[] = [];
