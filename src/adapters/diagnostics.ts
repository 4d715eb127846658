import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { readString, type Setting } from './setting.js';


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

/**
 * Whether a diagnostic setting sends one log category: an enabled `logs` entry naming the
 * category, or one of the category groups that include it (`audit`, `allLogs` for Key Vault's
 * AuditEvent), any case. A `logs` that is not an array cannot be read either way.
 */
export function sendsLogCategory(setting: ArmResource, category: string, groups: readonly string[]): boolean {
  const logs = setting.properties.logs;
  if (logs === undefined || logs === null) return false;
  if (!Array.isArray(logs)) throw new MalformedProperty('properties.logs', 'an array of log settings', logs);
  const wantedGroups = new Set(groups.map((group) => group.toLowerCase()));
  return logs.some((entry) => {
    if (!isJsonObject(entry) || (entry.enabled !== true && entry.enabled !== 'true')) return false;
    if (typeof entry.category === 'string' && entry.category.toLowerCase() === category.toLowerCase()) return true;
    return typeof entry.categoryGroup === 'string' && wantedGroups.has(entry.categoryGroup.toLowerCase());
  });
}

/** The storage account a diagnostic setting archives to (`storageAccountId`); absent means none. */
export function archiveStorageAccountId(setting: ArmResource): Setting<string | undefined> {
  return readString(setting, 'properties.storageAccountId', undefined);
}
