import { MalformedProperty } from '../model/not-evaluated.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { readArray, readBoolean, readString, type Setting } from './setting.js';


/** `disableLocalAuth`: absent means false, so SAS keys (shared access policies) are accepted. */
export function namespaceLocalAuthDisabled(namespace: ArmResource): Setting<boolean> {
  return readBoolean(namespace, 'properties.disableLocalAuth', false);
}

/**
 * `publicNetworkAccess` of a namespace or of its network rule set: absent means Enabled
 * ("By default it is enabled", Event Hubs API). Disabled on either restricts the namespace to
 * private endpoints.
 */
export function eventHubPublicNetworkAccess(resource: ArmResource): Setting<string> {
  return readString(resource, 'properties.publicNetworkAccess', 'Enabled');
}

/**
 * The network rule set's default action. Absent means Allow, the default since API
 * 2021-06-01-preview. Before it the default was Deny, but a Deny with no IP or virtual network
 * rules was never enforced.
 */
export function ruleSetDefaultAction(ruleSet: ArmResource): Setting<string> {
  return readString(ruleSet, 'properties.defaultAction', 'Allow');
}

export interface NetworkRules {
  readonly ipRules: Setting<readonly unknown[]>;
  readonly virtualNetworkRules: Setting<readonly unknown[]>;
  /** Each IP rule's address or CIDR range, in order. */
  readonly ipMasks: readonly string[];
}

/** The IP and virtual network rules of a network rule set; absent lists are empty. */
export function networkRules(ruleSet: ArmResource): NetworkRules {
  const ipRules = readArray(ruleSet, 'properties.ipRules');
  const virtualNetworkRules = readArray(ruleSet, 'properties.virtualNetworkRules');
  const ipMasks = ipRules.value.map((entry, i) => {
    if (!isJsonObject(entry) || typeof entry.ipMask !== 'string') throw new MalformedProperty(`properties.ipRules[${i}]`, 'an IP rule with an ipMask', entry);
    return entry.ipMask;
  });
  return { ipRules, virtualNetworkRules, ipMasks };
}

/** The rule set's `trustedServiceAccessEnabled`: trusted Microsoft services bypass the firewall. Absent means false. */
export function trustedServiceAccess(ruleSet: ArmResource): Setting<boolean> {
  return readBoolean(ruleSet, 'properties.trustedServiceAccessEnabled', false);
}

/** The rule set's virtual network rules' subnets (`subnet.id`), for its platform endpoint; entries without one are left out. */
export function virtualNetworkSubnets(ruleSet: ArmResource): Array<{ subnetId: string; path: string }> {
  return readArray(ruleSet, 'properties.virtualNetworkRules').value.flatMap((entry, i) => {
    const subnet = isJsonObject(entry) ? entry.subnet : undefined;
    return isJsonObject(subnet) && typeof subnet.id === 'string' ? [{ subnetId: subnet.id, path: `properties.virtualNetworkRules[${i}].subnet.id` }] : [];
  });
}
