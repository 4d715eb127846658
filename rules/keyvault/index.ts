import type { AnyRule } from '../../src/engine/rule.js';

export const KEYVAULT_RULES: readonly AnyRule[] = [];
