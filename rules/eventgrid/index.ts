import type { AnyRule } from '../../src/engine/rule.js';

export const EVENTGRID_RULES: readonly AnyRule[] = [];
