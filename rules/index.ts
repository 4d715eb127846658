import type { AnyRule } from '../src/engine/rule.js';
import { IOTHUB_RULES } from './iothub/index.js';
import { MONITOR_RULES } from './monitor/index.js';
import { NSG_RULES } from './nsg/index.js';
import { SQL_RULES } from './sql/index.js';
import { STORAGE_RULES } from './storage/index.js';

/**
 * The rule catalogue, in id order. Each service folder lists its own rules in its index.ts,
 * so adding a rule touches only its service.
 */
export const RULES: readonly AnyRule[] = [...NSG_RULES, ...SQL_RULES, ...STORAGE_RULES, ...IOTHUB_RULES, ...MONITOR_RULES].sort((a, b) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);
