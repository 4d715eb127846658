import type { AnyRule } from '../../src/engine/rule.js';

export const EVENTHUB_RULES: readonly AnyRule[] = [];
