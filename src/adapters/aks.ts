import { MalformedProperty } from '../model/not-evaluated.js';
import type { ArmResource } from '../inventory/types.js';
import { addressCount, isWholeInternetMask } from './addresses.js';
import { readArray, readBoolean, readObject, readString, type Setting } from './setting.js';

/*
 * AKS managed clusters (`Microsoft.ContainerService/managedClusters`), as API 2025-01-01 returns
 * them. Defaults are those of the REST spec
 * (specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2025-01-01/managedClusters.json)
 * and of Microsoft Learn, cited where each is read.
 */

const ACCESS_PROFILE = 'properties.apiServerAccessProfile';

/** `apiServerAccessProfile.enablePrivateCluster`: absent means false, a public API server (the spec has no default; clusters are public unless created private). */
export function privateCluster(cluster: ArmResource): Setting<boolean> {
  readObject(cluster, ACCESS_PROFILE);
  return readBoolean(cluster, `${ACCESS_PROFILE}.enablePrivateCluster`, false);
}

/** One authorized IP range, where it is, and how many addresses it admits. */
export interface AuthorizedRange {
  readonly range: string;
  readonly path: string;
  readonly addresses: number;
}

/**
 * Who reaches the API server, from `apiServerAccessProfile`. A private cluster's API server has
 * only a private endpoint: `enablePrivateClusterPublicFQDN` publishes a public DNS name for
 * that private address, not a public address. A public one is open to every address unless
 * `authorizedIPRanges` lists ranges (absent or empty means no restriction, Learn "Secure access
 * to the API server using authorized IP address ranges"); a `/0` among them admits everyone.
 * The cluster's own outbound IP is always allowed too, which widens nothing outside it.
 */
export type ApiServerReach =
  | { readonly kind: 'private'; readonly privateCluster: Setting<boolean> }
  | { readonly kind: 'everyone'; readonly privateCluster: Setting<boolean>; readonly authorizedRanges: Setting<readonly unknown[]>; readonly wideRange?: AuthorizedRange }
  | { readonly kind: 'ranges'; readonly privateCluster: Setting<boolean>; readonly authorizedRanges: Setting<readonly unknown[]>; readonly ranges: readonly AuthorizedRange[] };

export function apiServerReach(cluster: ArmResource): ApiServerReach {
  const isPrivate = privateCluster(cluster);
  if (isPrivate.value) return { kind: 'private', privateCluster: isPrivate };
  const authorizedRanges = readArray(cluster, `${ACCESS_PROFILE}.authorizedIPRanges`);
  const ranges = authorizedRanges.value.map((entry, i): AuthorizedRange => {
    const path = `${ACCESS_PROFILE}.authorizedIPRanges[${i}]`;
    const addresses = typeof entry === 'string' ? addressCount(entry) : undefined;
    if (typeof entry !== 'string' || addresses === undefined) throw new MalformedProperty(path, 'an IP address or CIDR range', entry);
    return { range: entry, path, addresses };
  });
  if (ranges.length === 0) return { kind: 'everyone', privateCluster: isPrivate, authorizedRanges };
  const wideRange = ranges.find((entry) => isWholeInternetMask(entry.range));
  if (wideRange) return { kind: 'everyone', privateCluster: isPrivate, authorizedRanges, wideRange };
  return { kind: 'ranges', privateCluster: isPrivate, authorizedRanges, ranges };
}

/** `properties.fqdn`: the public API server's host name (a private cluster's is `privateFQDN`). */
export function apiServerFqdn(cluster: ArmResource): Setting<string | undefined> {
  return readString(cluster, 'properties.fqdn', undefined);
}

/**
 * `disableLocalAccounts`: absent means false. Local accounts (the static cluster-admin client
 * certificate of `az aks get-credentials --admin`) are enabled on every cluster by default
 * (Learn "Manage local accounts with AKS-managed Microsoft Entra integration").
 */
export function localAccountsDisabled(cluster: ArmResource): Setting<boolean> {
  return readBoolean(cluster, 'properties.disableLocalAccounts', false);
}

/**
 * `enableRBAC`: absent means true. AKS creates clusters with Kubernetes RBAC on unless it is
 * turned off at creation (`az aks create --disable-rbac`, `enableRBAC: false`); it cannot be
 * changed afterwards. ARM returns the property for every cluster.
 */
export function kubernetesRbacEnabled(cluster: ArmResource): Setting<boolean> {
  return readBoolean(cluster, 'properties.enableRBAC', true);
}

/**
 * `aadProfile`: present (an object) when the cluster uses Microsoft Entra ID for Kubernetes
 * authentication, AKS-managed (`managed: true`) or the retired legacy integration; absent means
 * no Entra integration, so only local accounts' client certificates sign users in.
 */
export function entraProfile(cluster: ArmResource): Setting<boolean> {
  const path = 'properties.aadProfile';
  const raw = readObject(cluster, path);
  return { value: raw !== undefined, resourceId: cluster.id, path, absent: raw === undefined, raw };
}

const NETWORK_PROFILE = 'properties.networkProfile';

/** `networkProfile.networkPolicy`: absent means `none`, "the default value when NetworkPolicy is not specified" (spec). */
export function networkPolicy(cluster: ArmResource): Setting<string> {
  readObject(cluster, NETWORK_PROFILE);
  return readString(cluster, `${NETWORK_PROFILE}.networkPolicy`, 'none');
}

/** `networkProfile.networkDataplane`: absent means `azure` (spec default). `cilium` is Azure CNI Powered by Cilium. */
export function networkDataplane(cluster: ArmResource): Setting<string> {
  readObject(cluster, NETWORK_PROFILE);
  return readString(cluster, `${NETWORK_PROFILE}.networkDataplane`, 'azure');
}

/**
 * The Azure Policy add-on's `enabled`. `addonProfiles` is a map whose keys ARM returns in
 * whichever case the add-on was enabled with (`azurepolicy`, `azurePolicy`), so the key is
 * matched case-insensitively. No entry (or no `addonProfiles`) means the add-on is off.
 */
export function azurePolicyAddonEnabled(cluster: ArmResource): Setting<boolean> {
  const path = 'properties.addonProfiles';
  const profiles = readObject(cluster, path);
  const keys = Object.keys(profiles ?? {}).filter((key) => key.toLowerCase() === 'azurepolicy');
  const settings = keys.map((key) => {
    const entryPath = `${path}.${key}`;
    readObject(cluster, entryPath);
    return readBoolean(cluster, `${entryPath}.enabled`, false);
  });
  return settings.find((setting) => setting.value) ?? settings[0] ?? { value: false, resourceId: cluster.id, path: `${path}.azurepolicy.enabled`, absent: true, raw: undefined };
}
