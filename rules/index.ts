import type { AnyRule } from '../src/model/rule.js';
import { DEFENDER_RULES } from './defender/index.js';
import { EVENTGRID_RULES } from './eventgrid/index.js';
import { EVENTHUB_RULES } from './eventhub/index.js';
import { GOVERNANCE_RULES } from './governance/index.js';
import { IOTHUB_RULES } from './iothub/index.js';
import { KEYVAULT_RULES } from './keyvault/index.js';
import { MONITOR_RULES } from './monitor/index.js';
import { NETWORK_RULES } from './network/index.js';
import { NSG_RULES } from './nsg/index.js';
import { SQL_RULES } from './sql/index.js';
import { STORAGE_RULES } from './storage/index.js';

/**
 * The rule catalogue, in id order. Each service folder lists its own rules in its index.ts,
 * so adding a rule touches only its service.
 */
export const RULES: readonly AnyRule[] = [
  ...NSG_RULES,
  ...NETWORK_RULES,
  ...SQL_RULES,
  ...STORAGE_RULES,
  ...IOTHUB_RULES,
  ...KEYVAULT_RULES,
  ...EVENTHUB_RULES,
  ...EVENTGRID_RULES,
  ...MONITOR_RULES,
  ...DEFENDER_RULES,
  ...GOVERNANCE_RULES,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
