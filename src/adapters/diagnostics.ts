import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';


/**
 * Whether a diagnostic setting sends at least one log category (or category group such as
 * `allLogs`, `audit`) somewhere. Metrics alone do not count: they say how busy a resource is,
 * not who did what. A `logs` that is not an array cannot be read either way.
 */
export function sendsLogs(setting: ArmResource): boolean {
  const logs = setting.properties.logs;
  if (logs === undefined || logs === null) return false;
  if (!Array.isArray(logs)) throw new MalformedProperty('properties.logs', 'an array of log settings', logs);
  return logs.some((entry) => isJsonObject(entry) && (entry.enabled === true || entry.enabled === 'true'));
}
