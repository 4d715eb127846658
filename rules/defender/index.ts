import type { AnyRule } from '../../src/engine/rule.js';

export const DEFENDER_RULES: readonly AnyRule[] = [];
