import type { AnyRule } from '../../src/engine/rule.js';

export const NETWORK_RULES: readonly AnyRule[] = [];
