import type { AnyRule } from '../../src/engine/rule.js';

export const GOVERNANCE_RULES: readonly AnyRule[] = [];
