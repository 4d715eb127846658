import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { addressCount, isWholeInternetMask } from './addresses.js';
import { readArray, readBoolean, readObject, readString, sameText, type Setting } from './setting.js';

/*
 * Container registries (`Microsoft.ContainerRegistry/registries`), as API 2023-07-01 returns
 * them. Defaults are the REST spec's (Registry.models.tsp / containerregistry.json 2023-07-01:
 * `adminUserEnabled` false, `anonymousPullEnabled` false, `publicNetworkAccess` Enabled,
 * `networkRuleSet.defaultAction` Allow, `networkRuleBypassOptions` AzureServices).
 */

/** `adminUserEnabled`: absent means false (spec default). The admin user signs in with the registry's two access keys. */
export function adminUserEnabled(registry: ArmResource): Setting<boolean> {
  return readBoolean(registry, 'properties.adminUserEnabled', false);
}

/** `anonymousPullEnabled`: absent means false (spec default). True lets anyone pull without credentials (Standard and Premium). */
export function anonymousPullEnabled(registry: ArmResource): Setting<boolean> {
  return readBoolean(registry, 'properties.anonymousPullEnabled', false);
}

/** `publicNetworkAccess`: absent means Enabled (spec default). Disabled (Premium only) leaves private endpoints alone. */
export function registryPublicNetworkAccess(registry: ArmResource): Setting<string> {
  return readString(registry, 'properties.publicNetworkAccess', 'Enabled');
}

/**
 * `networkRuleSet.defaultAction`: absent means Allow, on every SKU. On Premium it is the spec's
 * default; Basic and Standard have no network rules at all ("Configuring IP network rules is
 * only available in the Premium service tier"), so every network reaches them.
 */
export function registryDefaultAction(registry: ArmResource): Setting<string> {
  readObject(registry, 'properties.networkRuleSet');
  return readString(registry, 'properties.networkRuleSet.defaultAction', 'Allow');
}

/** `networkRuleBypassOptions`: absent means AzureServices (spec default): trusted Azure services get in past the network rules. */
export function registryBypass(registry: ArmResource): Setting<string> {
  return readString(registry, 'properties.networkRuleBypassOptions', 'AzureServices');
}

/** The registry's SKU name (`Basic`, `Standard`, `Premium`), when ARM sent one. */
export function registrySku(registry: ArmResource): string | undefined {
  const sku = registry.raw.sku;
  return isJsonObject(sku) && typeof sku.name === 'string' ? sku.name : undefined;
}

/** One IP rule of the network rule set: its address or CIDR range (`value`), where it is, and how many addresses it admits. */
export interface RegistryIpRule {
  readonly range: string;
  readonly path: string;
  readonly addresses: number;
}

/**
 * Who reaches the registry's public endpoint. `closed`: public network access Disabled, or a
 * Deny with no IP rules (only private endpoints and, with the bypass, trusted services).
 * `everyone`: the default action is Allow (or absent), or an IP rule is a `/0`. `ranges`: a
 * Deny with IP rules.
 */
export type RegistryReach =
  | { readonly kind: 'closed'; readonly access: Setting<string>; readonly defaultAction?: Setting<string>; readonly ipRules?: Setting<readonly unknown[]> }
  | { readonly kind: 'everyone'; readonly access: Setting<string>; readonly defaultAction: Setting<string>; readonly ipRules?: Setting<readonly unknown[]>; readonly wideRule?: RegistryIpRule }
  | { readonly kind: 'ranges'; readonly access: Setting<string>; readonly defaultAction: Setting<string>; readonly ipRules: Setting<readonly unknown[]>; readonly rules: readonly RegistryIpRule[] };

export function registryReach(registry: ArmResource): RegistryReach {
  const access = registryPublicNetworkAccess(registry);
  if (sameText(access.value, 'Disabled')) return { kind: 'closed', access };
  const defaultAction = registryDefaultAction(registry);
  // With Allow the IP rules are not enforced, so they are not read.
  if (!sameText(defaultAction.value, 'Deny')) return { kind: 'everyone', access, defaultAction };
  const ipRules = readArray(registry, 'properties.networkRuleSet.ipRules');
  const rules = ipRules.value.map((entry, i): RegistryIpRule => {
    const path = `properties.networkRuleSet.ipRules[${i}].value`;
    const value = isJsonObject(entry) ? entry.value : undefined;
    const addresses = typeof value === 'string' ? addressCount(value) : undefined;
    if (typeof value !== 'string' || addresses === undefined) throw new MalformedProperty(`properties.networkRuleSet.ipRules[${i}]`, 'an IP rule with a value (an IPv4 address or CIDR range)', entry);
    return { range: value, path, addresses };
  });
  const wideRule = rules.find((rule) => isWholeInternetMask(rule.range));
  if (wideRule) return { kind: 'everyone', access, defaultAction, ipRules, wideRule };
  if (rules.length === 0) return { kind: 'closed', access, defaultAction, ipRules };
  return { kind: 'ranges', access, defaultAction, ipRules, rules };
}
