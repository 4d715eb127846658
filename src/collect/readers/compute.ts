import type { ResourceReader } from './reader.js';

export const COMPUTE_READERS: readonly ResourceReader[] = [];
