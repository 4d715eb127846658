import { MalformedProperty } from '../engine/not-evaluated.js';
import type { ArmResource } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';

export const DIAGNOSTIC_SETTING_TYPE = 'Microsoft.Insights/diagnosticSettings';

/**
 * The log categories (or category groups such as `allLogs`, `audit`) a diagnostic setting
 * sends somewhere. Metrics alone do not count: they say how busy a resource is, not who did what.
 */
/** True when the setting sends at least one log category or group: `enabledLogCategories(…).length > 0` without the arrays. */
export function sendsLogs(setting: ArmResource): boolean {
  const logs = setting.properties.logs;
  if (logs === undefined || logs === null) return false;
  if (!Array.isArray(logs)) return enabledLogCategories(setting).length > 0;
  for (const entry of logs) if (isJsonObject(entry) && (entry.enabled === true || entry.enabled === 'true')) return true;
  return false;
}

export function enabledLogCategories(setting: ArmResource): string[] {
  const logs = setting.properties.logs;
  if (logs === undefined || logs === null) return [];
  if (!Array.isArray(logs)) throw new MalformedProperty(`${setting.name}: properties.logs`, 'an array of log settings', logs);
  return logs
    .filter((entry) => isJsonObject(entry) && (entry.enabled === true || entry.enabled === 'true'))
    .map((entry) => {
      const log = entry as { category?: unknown; categoryGroup?: unknown };
      return String(log.categoryGroup ?? log.category ?? '(unnamed)');
    });
}
