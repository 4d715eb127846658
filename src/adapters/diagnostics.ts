import type { ArmResource } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';

export const DIAGNOSTIC_SETTING_TYPE = 'Microsoft.Insights/diagnosticSettings';

/**
 * The log categories (or category groups such as `allLogs`, `audit`) a diagnostic setting
 * sends somewhere. Metrics alone do not count: they say how busy a resource is, not who did what.
 */
export function enabledLogCategories(setting: ArmResource): string[] {
  const logs = setting.properties.logs;
  if (!Array.isArray(logs)) return [];
  return logs
    .filter((entry) => isJsonObject(entry) && (entry.enabled === true || entry.enabled === 'true'))
    .map((entry) => {
      const log = entry as { category?: unknown; categoryGroup?: unknown };
      return String(log.categoryGroup ?? log.category ?? '(unnamed)');
    });
}
