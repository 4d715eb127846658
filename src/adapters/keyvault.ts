import type { ArmResource } from '../inventory/types.js';
import { readBoolean, readString, type Setting } from './setting.js';


/**
 * Soft delete. Absent is read as off: API 2019-09-01 and later write `true` into a vault
 * created without the property, so a vault that reports nothing was created without soft
 * delete, and Azure Policy's built-in "Key vaults should have soft delete enabled" (3.1.0)
 * flags an absent value too. Microsoft turns soft delete on for every vault from February
 * 2025 and it cannot be turned off again.
 */
export function softDeleteEnabled(vault: ArmResource): Setting<boolean> {
  return readBoolean(vault, 'properties.enableSoftDelete', false);
}

/** Purge protection: absent means off; once on, it cannot be turned off. */
export function purgeProtectionEnabled(vault: ArmResource): Setting<boolean> {
  return readBoolean(vault, 'properties.enablePurgeProtection', false);
}

/**
 * Azure RBAC for data-plane access. Absent means false, vault access policies: "If null or
 * not specified, the vault is created with the default value of false" (Key Vault API 2025-05-01).
 */
export function rbacAuthorization(vault: ArmResource): Setting<boolean> {
  return readBoolean(vault, 'properties.enableRbacAuthorization', false);
}

/** Public network access (`enabled`/`disabled`, any case): absent means enabled. Disabled overrides the firewall. */
export function vaultPublicNetworkAccess(vault: ArmResource): Setting<string> {
  return readString(vault, 'properties.publicNetworkAccess', 'Enabled');
}

/** The firewall's default action: absent `networkAcls` means Allow, every network. */
export function vaultNetworkDefaultAction(vault: ArmResource): Setting<string> {
  return readString(vault, 'properties.networkAcls.defaultAction', 'Allow');
}
