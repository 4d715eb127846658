import type { AnyRule } from '../../src/engine/rule.js';
import resourceLogsNotCollected from './resource-logs-not-collected.js';

export const MONITOR_RULES: readonly AnyRule[] = [resourceLogsNotCollected];
