import { MalformedProperty } from '../model/not-evaluated.js';
import type { ArmResource } from '../inventory/types.js';
import { parseIPv4 } from './addresses.js';
import { readBoolean, readNumber, readString, sameText, type Setting } from './setting.js';


/**
 * System databases are created and managed by Azure: `master` on every logical server, and
 * databases whose kind says `system`. Rules about user data do not apply to them.
 */
export function isSystemDatabase(database: ArmResource): boolean {
  return database.name.toLowerCase() === 'master' || (database.kind ?? '').toLowerCase().includes('system');
}

/**
 * The TDE state of a `transparentDataEncryption/current` child: `properties.state` since API
 * 2021-02-01-preview, `properties.status` before it. Absent reads as not enabled.
 */
export function tdeState(tde: ArmResource): Setting<string | undefined> {
  const state = readString(tde, 'properties.state', undefined);
  return state.absent ? readString(tde, 'properties.status', undefined) : state;
}

export function isEnabled(setting: Setting<string | undefined>): boolean {
  return sameText(setting.value, 'Enabled');
}

/** The state of a server's `auditingSettings/default`; absent is not read as enabled. */
export function auditingState(auditing: ArmResource): Setting<string | undefined> {
  return readString(auditing, 'properties.state', undefined);
}

/**
 * Where auditing writes to a storage account: absent or empty means it does not (audit logs
 * then go only to Azure Monitor: a Log Analytics workspace or an event hub).
 */
export function auditStorageEndpoint(auditing: ArmResource): Setting<string> {
  return readString(auditing, 'properties.storageEndpoint', '');
}

/**
 * Days audit logs are kept in the storage account. 0 means unlimited, and is the default:
 * "The default value for retention period is 0 (unlimited retention)" (Azure SQL auditing setup).
 */
export function auditRetentionDays(auditing: ArmResource): Setting<number> {
  return readNumber(auditing, 'properties.retentionDays', 0);
}

/** `azureADOnlyAuthentication` of `azureADOnlyAuthentications/Default`: absent means false, SQL logins accepted. */
export function entraOnlyAuthentication(setting: ArmResource): Setting<boolean> {
  return readBoolean(setting, 'properties.azureADOnlyAuthentication', false);
}

/**
 * The server's own view of Entra-only authentication, `properties.administrators.azureADOnlyAuthentication`
 * (API 2021-02-01-preview and later, set when the server is created with an Entra admin): what
 * is in force when the server has no `azureADOnlyAuthentications/Default` child. Absent when not sent.
 */
export function serverEntraOnlyAuthentication(server: ArmResource): Setting<boolean | undefined> {
  return readBoolean(server, 'properties.administrators.azureADOnlyAuthentication', undefined);
}

/**
 * The state of `securityAlertPolicies/Default`: `Enabled`, `Disabled`, or `New` (never
 * configured). Absent is not read as enabled.
 */
export function securityAlertState(policy: ArmResource): Setting<string | undefined> {
  return readString(policy, 'properties.state', undefined);
}

/** Server public network access: absent means Enabled (the default for servers created before the property existed). */
export function serverPublicNetworkAccess(server: ArmResource): Setting<string> {
  return readString(server, 'properties.publicNetworkAccess', 'Enabled');
}

export interface FirewallRange {
  readonly start: number;
  readonly end: number;
  readonly startText: string;
  readonly endText: string;
}

/** A firewall rule's address range; a value that is not IPv4 is reported, not skipped. */
export function firewallRange(rule: { readonly properties: ArmResource['properties'] }): FirewallRange {
  const startText = rule.properties.startIpAddress;
  const endText = rule.properties.endIpAddress;
  const start = typeof startText === 'string' ? parseIPv4(startText) : undefined;
  if (start === undefined) throw new MalformedProperty('properties.startIpAddress', 'an IPv4 address', startText);
  const end = typeof endText === 'string' ? parseIPv4(endText) : undefined;
  if (end === undefined) throw new MalformedProperty('properties.endIpAddress', 'an IPv4 address', endText);
  return { start, end, startText: startText as string, endText: endText as string };
}

/**
 * 0.0.0.0–0.0.0.0 is not an address range but Azure's switch "Allow Azure services and
 * resources to access this server" (the rule `AllowAllWindowsAzureIps`): it admits every
 * address Azure owns, whichever tenant the connection comes from.
 */
export function admitsAllOfAzure(range: FirewallRange): boolean {
  return range.start === 0 && range.end === 0;
}

/**
 * The key type of a server's `encryptionProtector/current`: `ServiceManaged` (the default: Azure
 * manages the TDE protector) or `AzureKeyVault` (a customer-managed key in Key Vault). Absent is
 * not read as customer-managed; another value is malformed (API 2020-11-01-preview).
 */
export function encryptionProtectorKeyType(protector: ArmResource): Setting<string | undefined> {
  const keyType = readString(protector, 'properties.serverKeyType', undefined);
  if (keyType.value !== undefined && !sameText(keyType.value, 'ServiceManaged') && !sameText(keyType.value, 'AzureKeyVault')) {
    throw new MalformedProperty('properties.serverKeyType', 'ServiceManaged or AzureKeyVault', keyType.raw);
  }
  return keyType;
}
