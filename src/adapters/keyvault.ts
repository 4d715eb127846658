import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { readArray, readBoolean, readNumber, readString, type Setting, valueAt } from './setting.js';


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

/*
 * The rest of the vault firewall, read for its platform endpoint (adapters/exposure/platform/keyvault.ts)
 * beside the default action above.
 */

/** `networkAcls.ipRules`: each rule's `value`, an address or CIDR block admitted when the default action is Deny; absent is none. */
export function vaultNetworkIpRules(vault: ArmResource): Array<{ value: unknown; path: string }> {
  return readArray(vault, 'properties.networkAcls.ipRules').value.map((entry, i) => {
    const path = `properties.networkAcls.ipRules[${i}]`;
    if (!isJsonObject(entry)) throw new MalformedProperty(path, 'an IP rule {"value": "<address or CIDR>"}', entry);
    return { value: entry.value, path: `${path}.value` };
  });
}

/** `networkAcls.virtualNetworkRules`: the subnets admitted through service endpoints (`id`); absent is none. */
export function vaultNetworkVirtualNetworkRules(vault: ArmResource): Array<{ subnetId: string; path: string }> {
  return readArray(vault, 'properties.networkAcls.virtualNetworkRules').value.flatMap((entry, i) =>
    isJsonObject(entry) && typeof entry.id === 'string' ? [{ subnetId: entry.id, path: `properties.networkAcls.virtualNetworkRules[${i}].id` }] : [],
  );
}

/**
 * `networkAcls.bypass`: `AzureServices` or `None`. Absent means AzureServices: "If not specified
 * the default is 'AzureServices'" (Key Vault API 2023-07-01).
 */
export function vaultNetworkBypass(vault: ArmResource): Setting<string> {
  return readString(vault, 'properties.networkAcls.bypass', 'AzureServices');
}

/**
 * A key's or secret's expiration date (`attributes.exp`, seconds since 1970 UTC, as the
 * management plane sends it). Absent means it never expires: Key Vault sets no expiry by itself.
 */
export function expiresAt(object: ArmResource): Setting<number | undefined> {
  return readNumber(object, 'properties.attributes.exp', undefined);
}

/**
 * Whether a key or secret is enabled (`attributes.enabled`). Absent means enabled: Key Vault
 * creates keys and secrets enabled unless the request says otherwise (`enabled` is optional in
 * KeyAttributes and SecretAttributes of the Key Vault management API 2025-05-01, and `az keyvault
 * key create` and `secret set` default to enabled).
 */
export function objectEnabled(object: ArmResource): Setting<boolean> {
  return readBoolean(object, 'properties.attributes.enabled', true);
}


/**
 * The action types of a key's rotation policy (`rotationPolicy.lifetimeActions[].action.type`:
 * `rotate` or `notify`, any case). Absent policy or actions means none: a key has no rotation
 * policy until one is set, and Key Vault then rotates nothing (Key Vault key auto-rotation).
 */
export function rotationActions(key: ArmResource): { actions: Setting<readonly unknown[]>; types: string[] } {
  const policy = key.properties.rotationPolicy;
  if (policy !== undefined && policy !== null && !isJsonObject(policy)) throw new MalformedProperty('properties.rotationPolicy', 'a rotation policy object', policy);
  const actions = readArray(key, 'properties.rotationPolicy.lifetimeActions');
  const types = actions.value.map((entry, index) => {
    const type = isJsonObject(entry) ? valueAt(entry, 'action.type') : undefined;
    if (typeof type !== 'string') throw new MalformedProperty(`properties.rotationPolicy.lifetimeActions[${index}].action.type`, 'rotate or notify', type);
    return type;
  });
  return { actions, types };
}
