import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { parseIPv4Block } from './addresses.js';
import { readArray, readBoolean, readString, sameText, type Setting } from './setting.js';

/*
 * Cosmos DB accounts as ARM states them at API 2024-11-15 (`DatabaseAccountGetProperties` in
 * specification/cosmos-db/resource-manager/Microsoft.DocumentDB/stable/2024-11-15/cosmos-db.json).
 * The network rules, the key settings and the private endpoint connections are all in the
 * account's own JSON: no child type decides any of them.
 */

/**
 * `publicNetworkAccess`: absent means Enabled. "By default, your Azure Cosmos DB account is
 * accessible from the internet if the request includes a valid authorization token" (Learn,
 * Configure IP firewall for Azure Cosmos DB); accounts created before the property existed
 * (API 2021-04-01-preview) do not send it. `SecuredByPerimeter` is not Disabled: the account's
 * own IP rules still decide who gets in (a perimeter in transition mode enforces nothing more).
 */
export function cosmosPublicNetworkAccess(account: ArmResource): Setting<string> {
  return readString(account, 'properties.publicNetworkAccess', 'Enabled');
}

/** `disableLocalAuth`: absent means false, so the account keys (and resource tokens made with them) work on the data plane. */
export function cosmosLocalAuthDisabled(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.disableLocalAuth', false);
}

/**
 * `disableKeyBasedMetadataWriteAccess`: absent means false, so a client holding an account key
 * can create, change and delete databases and containers and change their throughput.
 */
export function keyBasedMetadataWritesDisabled(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.disableKeyBasedMetadataWriteAccess', false);
}

/** `keyVaultKeyUri`: the customer-managed key encrypting the account. Absent (or empty) means service-managed keys only. */
export function cosmosKeyVaultKeyUri(account: ArmResource): Setting<string> {
  return readString(account, 'properties.keyVaultKeyUri', '');
}

/**
 * `networkAclBypass`: `AzureServices` lets Azure Synapse and the resources in
 * `networkAclBypassResourceIds` through the firewall. Absent means None.
 */
export function cosmosNetworkAclBypass(account: ArmResource): Setting<string> {
  return readString(account, 'properties.networkAclBypass', 'None');
}

/**
 * "Accept connections from within public Azure datacenters" is the IP rule `0.0.0.0`: it
 * admits every address in Azure, any customer's (Learn, Configure IP firewall for Azure Cosmos
 * DB: "allow requests from global Azure datacenters or other sources within Azure").
 */
export const AZURE_DATACENTERS_RULE = '0.0.0.0';

/**
 * The addresses the portal's "Allow access from Azure portal" adds (public cloud), today's and
 * those it added before they changed in 2024 (Learn, Configure IP firewall for Azure Cosmos DB,
 * "Allow requests from the Azure portal"). They are ordinary one-address ranges: Microsoft's
 * portal back end, through which a signed-in user with access to the account reaches Data
 * Explorer. azscan counts them as a restriction like any other range, and names them.
 */
export const AZURE_PORTAL_ADDRESSES: ReadonlySet<string> = new Set([
  '13.91.105.215', '4.210.172.107', '13.88.56.148', '40.91.218.243',
  '104.42.195.92', '40.76.54.131', '52.176.6.30', '52.169.50.45', '52.187.184.26',
]);

export interface CosmosIpRule {
  /** As written: `203.0.113.0/24`, `203.0.113.7`, `0.0.0.0`. */
  readonly range: string;
  readonly path: string;
  /** `azure` for `0.0.0.0`, `everyone` for a `/0`, else `range`. */
  readonly kind: 'azure' | 'everyone' | 'range';
  readonly addresses: number;
  readonly portal: boolean;
}

/** `ipRules[].ipAddressOrRange`: absent or empty means no IP rule. Each entry must be an IPv4 address or CIDR block. */
export function cosmosIpRules(account: ArmResource): { setting: Setting<readonly unknown[]>; rules: CosmosIpRule[] } {
  const setting = readArray(account, 'properties.ipRules');
  const rules = setting.value.map((entry, i): CosmosIpRule => {
    const path = `properties.ipRules[${i}].ipAddressOrRange`;
    const text = isJsonObject(entry) ? entry.ipAddressOrRange : undefined;
    const block = typeof text === 'string' ? parseIPv4Block(text) : undefined;
    if (typeof text !== 'string' || block === undefined) throw new MalformedProperty(path, 'an IPv4 address or CIDR range', isJsonObject(entry) ? text : entry);
    const range = text.trim();
    if (block.size === 2 ** 32) return { range, path, kind: 'everyone', addresses: block.size, portal: false };
    if (block.start === 0 && block.size === 1) return { range, path, kind: 'azure', addresses: 0, portal: false };
    return { range, path, kind: 'range', addresses: block.size, portal: AZURE_PORTAL_ADDRESSES.has(range.replace(/\/32$/, '')) };
  });
  return { setting, rules };
}

/** `isVirtualNetworkFilterEnabled`: absent means false, and `virtualNetworkRules` are then not enforced. */
export function virtualNetworkFilterEnabled(account: ArmResource): Setting<boolean> {
  return readBoolean(account, 'properties.isVirtualNetworkFilterEnabled', false);
}

/** `virtualNetworkRules[].id`: the subnets admitted through service endpoints. */
export function cosmosVirtualNetworkRules(account: ArmResource): { setting: Setting<readonly unknown[]>; subnets: Array<{ id: string; path: string }> } {
  const setting = readArray(account, 'properties.virtualNetworkRules');
  const subnets = setting.value.map((entry, i) => {
    const path = `properties.virtualNetworkRules[${i}].id`;
    const id = isJsonObject(entry) ? entry.id : undefined;
    if (typeof id !== 'string' || id.trim() === '') throw new MalformedProperty(path, 'a subnet id', isJsonObject(entry) ? id : entry);
    return { id, path };
  });
  return { setting, subnets };
}

/**
 * How many `virtualNetworkRules` entries the account lists, for saying that they are not
 * enforced while the filter is off. Only a count for a message: anything but an array is none.
 */
export function listedVirtualNetworkRuleCount(account: ArmResource): number {
  const raw = account.properties.virtualNetworkRules;
  return Array.isArray(raw) ? raw.length : 0;
}

/**
 * Who the account's public endpoint admits. The firewall is on when there is an IP rule or the
 * virtual network filter is enabled ("Selected networks"); with neither, every network is
 * admitted ("All networks"). Virtual network rules without the filter are not enforced. With
 * public network access Disabled nothing else is read: only private endpoints reach the account.
 */
export type CosmosNetworkAccess =
  | { readonly disabled: true; readonly publicAccess: Setting<string>; readonly reach: undefined }
  | {
      readonly disabled: false;
      readonly publicAccess: Setting<string>;
      readonly ipRules: Setting<readonly unknown[]>;
      readonly rules: readonly CosmosIpRule[];
      readonly filter: Setting<boolean>;
      /** True when the firewall is off: no IP rule and no virtual network filter. */
      readonly unrestricted: boolean;
      /** `everyone`: no firewall, or a `/0` rule; `azure`: a `0.0.0.0` rule; `ranges`: only listed ranges; undefined: subnets (or nothing) only. */
      readonly reach: 'everyone' | 'azure' | 'ranges' | undefined;
    };

export function cosmosNetworkAccess(account: ArmResource): CosmosNetworkAccess {
  const publicAccess = cosmosPublicNetworkAccess(account);
  if (sameText(publicAccess.value, 'Disabled')) return { disabled: true, publicAccess, reach: undefined };
  const { setting: ipRules, rules } = cosmosIpRules(account);
  const filter = virtualNetworkFilterEnabled(account);
  const unrestricted = rules.length === 0 && !filter.value;
  const kinds = new Set(rules.map((rule) => rule.kind));
  const reach = unrestricted || kinds.has('everyone') ? 'everyone' : kinds.has('azure') ? 'azure' : rules.length > 0 ? 'ranges' : undefined;
  return { disabled: false, publicAccess, ipRules, rules, filter, unrestricted, reach };
}
