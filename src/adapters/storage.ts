import type { ArmResource } from '../inventory/types.js';
import { readBoolean, readString, sameText, type Setting } from './setting.js';

export const STORAGE_ACCOUNT_TYPE = 'Microsoft.Storage/storageAccounts';
export const BLOB_SERVICE_TYPE = 'Microsoft.Storage/storageAccounts/blobServices';
export const BLOB_CONTAINER_TYPE = 'Microsoft.Storage/storageAccounts/blobServices/containers';

/** The id of an account's one blob service, which holds its containers and its diagnostic settings. */
export function blobServiceId(account: { readonly id: string }): string {
  return `${account.id}/blobServices/default`;
}

/** FileStorage (premium file shares) accounts have no blob service at all. */
export function hasBlobService(account: { readonly kind?: string | undefined }): boolean {
  return !sameText(account.kind, 'FileStorage');
}

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

/** Public network access: absent means Enabled. */
export function publicNetworkAccess(account: ArmResource): Setting<string> {
  return readString(account, 'properties.publicNetworkAccess', 'Enabled');
}

/** The network rule set's default action: absent `networkAcls` means Allow (no firewall). */
export function networkDefaultAction(account: ArmResource): Setting<string> {
  return readString(account, 'properties.networkAcls.defaultAction', 'Allow');
}

/** A container's anonymous access level: absent means None. */
export function containerPublicAccess(container: ArmResource): Setting<string> {
  return readString(container, 'properties.publicAccess', 'None');
}
