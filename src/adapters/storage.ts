import { MalformedProperty } from '../model/not-evaluated.js';
import { isJsonObject, type ArmResource } from '../inventory/types.js';
import { readArray, readBoolean, readNumber, readString, sameText, type Setting } from './setting.js';

/**
 * Whether the account permits anonymous blob access. Absent reads as allowed: the property
 * arrived in API 2019-04-01, accounts created before it report nothing, and Azure Policy's
 * built-in definition treats absent as allowed.
 */
export function allowsBlobPublicAccess(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.allowBlobPublicAccess', true);
}

/** Secure transfer: absent means true, the default for accounts since API 2019-04-01. */
export function httpsOnly(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.supportsHttpsTrafficOnly', true);
}

export function isHnsEnabled(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.isHnsEnabled', false);
}

/** Public network access: absent means Enabled. `SecuredByPerimeter` hands the decision to a network security perimeter. */
export function publicNetworkAccess(account: ArmResource): Setting<string> {
  return readString(account, 'properties.publicNetworkAccess', 'Enabled');
}

/** The network rule set's default action: absent `networkAcls` means Allow (no firewall). */
export function networkDefaultAction(account: ArmResource): Setting<string> {
  return readString(account, 'properties.networkAcls.defaultAction', 'Allow');
}

/*
 * The rest of the account's firewall, read for its platform endpoints
 * (adapters/exposure/platform/storage.ts) beside the default action above.
 */

/** `networkAcls.ipRules`: each rule's `value`, an address or CIDR block admitted when the default action is Deny; absent is none. */
export function networkIpRules(account: ArmResource): { setting: Setting<readonly unknown[]>; rules: Array<{ value: unknown; path: string }> } {
  const setting = readArray(account, 'properties.networkAcls.ipRules');
  const rules = setting.value.map((entry, i) => {
    const path = `properties.networkAcls.ipRules[${i}]`;
    if (!isJsonObject(entry)) throw new MalformedProperty(path, 'an IP rule {"value": "<address or CIDR>"}', entry);
    return { value: entry.value, path: `${path}.value` };
  });
  return { setting, rules };
}

/** `networkAcls.virtualNetworkRules`: the subnets admitted through service endpoints (`id`); absent is none. */
export function networkVirtualNetworkRules(account: ArmResource): Array<{ subnetId: string; path: string }> {
  return readArray(account, 'properties.networkAcls.virtualNetworkRules').value.flatMap((entry, i) =>
    isJsonObject(entry) && typeof entry.id === 'string' ? [{ subnetId: entry.id, path: `properties.networkAcls.virtualNetworkRules[${i}].id` }] : [],
  );
}

/** `networkAcls.resourceAccessRules`: Azure resource instances admitted by their managed identity; absent is none. */
export function networkResourceAccessRules(account: ArmResource): Array<{ resourceId: string; path: string }> {
  return readArray(account, 'properties.networkAcls.resourceAccessRules').value.flatMap((entry, i) =>
    isJsonObject(entry) && typeof entry.resourceId === 'string' ? [{ resourceId: entry.resourceId, path: `properties.networkAcls.resourceAccessRules[${i}]` }] : [],
  );
}

/**
 * `networkAcls.bypass`: `AzureServices`, `Logging`, `Metrics` (comma-separated) or `None`. Absent
 * means AzureServices, the API's default ("Default value is AzureServices", Storage API 2023-01-01).
 */
export function networkBypass(account: ArmResource): Setting<string> {
  return readString(account, 'properties.networkAcls.bypass', 'AzureServices');
}

/** A container's anonymous access level: absent means None. */
export function containerPublicAccess(container: ArmResource): Setting<string> {
  return readString(container, 'properties.publicAccess', 'None');
}

/**
 * Shared Key authorization (account keys and the SAS tokens signed with them). Absent means
 * allowed: "The default value is null, which is equivalent to true" (Storage API).
 */
export function allowsSharedKeyAccess(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.allowSharedKeyAccess', true);
}

/** Accounts created from this day on disallow cross-tenant object replication unless it is allowed explicitly. */
export const CROSS_TENANT_REPLICATION_DISALLOWED_FROM = '2023-12-15';

export interface CrossTenantReplication {
  readonly allowed: Setting<boolean>;
  /** When `allowCrossTenantReplication` is absent: the account's creation time, which decides Azure's default. */
  readonly creationTime?: Setting<string | undefined>;
}

/**
 * Whether object replication policies may copy this account's blobs to or from another
 * Microsoft Entra tenant. Azure's default for an absent `allowCrossTenantReplication` depends
 * on when the account was created: accounts created before 15 December 2023 do not report the
 * property until it is set and allow cross-tenant replication while it is null; accounts
 * created since disallow it unless it is set to true. An absent creation time is read as the
 * older default, allowed.
 */
export function crossTenantReplication(account: ArmResource): CrossTenantReplication {
  const allowed = readBoolean(account, 'properties.allowCrossTenantReplication', true);
  if (!allowed.absent) return { allowed };
  const creationTime = readString(account, 'properties.creationTime', undefined);
  if (creationTime.value === undefined) return { allowed, creationTime };
  const created = Date.parse(creationTime.value);
  if (Number.isNaN(created)) throw new MalformedProperty(creationTime.path, 'an ISO 8601 date and time', creationTime.raw);
  const disallowedByDefault = created >= Date.parse(`${CROSS_TENANT_REPLICATION_DISALLOWED_FROM}T00:00:00Z`);
  return { allowed: { ...allowed, value: !disallowedByDefault }, creationTime };
}

/** A second layer of encryption at rest with platform-managed keys; set at creation only, absent means off. */
export function requiresInfrastructureEncryption(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.encryption.requireInfrastructureEncryption', false);
}

/** The SFTP endpoint (Data Lake Gen2 only): absent means off. */
export function isSftpEnabled(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.isSftpEnabled', false);
}

/**
 * Local users, the only identities the SFTP endpoint accepts. Absent is read as enabled: SFTP
 * authenticates nobody else, and the portal and Microsoft's SFTP template turn local users on
 * with SFTP.
 */
export function isLocalUserEnabled(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.isLocalUserEnabled', true);
}

/** NFS 3.0 (Data Lake Gen2 only, chosen at creation): absent means off. */
export function isNfsV3Enabled(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.isNfsV3Enabled', false);
}

/** Blob soft delete on `blobServices/default`: absent means off, the API's default. */
export function blobSoftDeleteEnabled(blobService: ArmResource): Setting<boolean> {
  return readBoolean(blobService, 'properties.deleteRetentionPolicy.enabled', false);
}

/** Whether a `bypass` value lets trusted Azure services through. */
export function bypassesForAzureServices(bypass: string): boolean {
  return bypass.split(',').some((entry) => sameText(entry.trim(), 'AzureServices'));
}

/**
 * The key rotation reminder: `keyPolicy.keyExpirationPeriodInDays`. Absent means no reminder
 * (the API sets no key policy unless asked, API 2021-02-01 on).
 */
export function keyExpirationPeriodInDays(account: ArmResource): Setting<number | undefined> {
  return readNumber(account, 'properties.keyPolicy.keyExpirationPeriodInDays', undefined);
}

/**
 * When an access key was last created or regenerated (`keyCreationTime.key1`/`key2`, API
 * 2021-02-01 on). Azure records it from then on; a null or absent time means a key created
 * before Azure recorded key creation and never regenerated since.
 */
export function keyCreationTime(account: ArmResource, key: 'key1' | 'key2'): Setting<string | undefined> {
  return readString(account, `properties.keyCreationTime.${key}`, undefined);
}

/**
 * The SAS expiration policy's upper limit for service SAS and account SAS lifetimes,
 * `sasPolicy.sasExpirationPeriod` as `d.hh:mm:ss`. Absent means no policy: any lifetime.
 */
export function sasExpirationPeriod(account: ArmResource): Setting<string | undefined> {
  return readString(account, 'properties.sasPolicy.sasExpirationPeriod', undefined);
}

/** A `d.hh:mm:ss` (or `hh:mm:ss`) period in seconds; MalformedProperty when it is not one. */
export function periodSeconds(setting: Setting<string | undefined>): number | undefined {
  if (setting.value === undefined) return undefined;
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(setting.value.trim());
  if (!match) throw new MalformedProperty(setting.path, 'a period d.hh:mm:ss', setting.raw);
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59 || Number(hours) > 23) throw new MalformedProperty(setting.path, 'a period d.hh:mm:ss', setting.raw);
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

/**
 * Who holds the key that encrypts the account's data: `Microsoft.Storage` (Microsoft-managed
 * keys) or `Microsoft.Keyvault` (a customer-managed key in Key Vault), any case. Absent means
 * Microsoft-managed keys: every account is encrypted, and with Microsoft's keys unless
 * `encryption.keySource` says Microsoft.Keyvault (Storage API 2025-06-01, `encryption.keySource`
 * default Microsoft.Storage).
 */
export function encryptionKeySource(account: ArmResource): Setting<string> {
  return readString(account, 'properties.encryption.keySource', 'Microsoft.Storage');
}
