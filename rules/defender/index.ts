import type { AnyRule } from '../../src/model/rule.js';
import defenderPlansOff from './defender-plans-off.js';

export const DEFENDER_RULES: readonly AnyRule[] = [defenderPlansOff];
