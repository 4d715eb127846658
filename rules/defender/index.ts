import type { AnyRule } from '../../src/engine/rule.js';
import defenderPlansOff from './defender-plans-off.js';

export const DEFENDER_RULES: readonly AnyRule[] = [defenderPlansOff];
