import { MalformedProperty } from '../model/not-evaluated.js';
import { isWholeInternetMask } from './addresses.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { readArray, readBoolean, readString, type Setting } from './setting.js';


/** `disableLocalAuth`: absent means false, so SAS keys (shared access policies) are accepted. */
export function localAuthDisabled(hub: ArmResource): Setting<boolean> {
  return readBoolean(hub, 'properties.disableLocalAuth', false);
}

export function iotPublicNetworkAccess(hub: ArmResource): Setting<string> {
  return readString(hub, 'properties.publicNetworkAccess', 'Enabled');
}

/** `networkRuleSets.defaultAction`: absent means no network rule set, i.e. Allow. */
export function iotNetworkDefaultAction(hub: ArmResource): Setting<string> {
  return readString(hub, 'properties.networkRuleSets.defaultAction', 'Allow');
}

export interface IpFilterRule {
  readonly name: string;
  readonly action: string;
  readonly ipMask: string;
}

export function ipFilterRules(hub: ArmResource): { setting: Setting<readonly unknown[]>; rules: IpFilterRule[] } {
  const setting = readArray(hub, 'properties.ipFilterRules');
  const rules = setting.value.map((entry, i) => {
    const path = `properties.ipFilterRules[${i}]`;
    if (!isJsonObject(entry) || typeof entry.action !== 'string' || typeof entry.ipMask !== 'string') {
      throw new MalformedProperty(path, 'an IP filter rule with action and ipMask', entry);
    }
    return { name: typeof entry.filterName === 'string' ? entry.filterName : `#${i}`, action: entry.action, ipMask: entry.ipMask };
  });
  return { setting, rules };
}

/**
 * Whether IP filter rules limit the hub to specific ranges. Rules apply in order and the
 * first that matches decides, so the first rule covering the whole internet settles it for
 * every address the rules before it do not name: an Accept of 0.0.0.0/0 opens the hub, a
 * Reject of 0.0.0.0/0 closes it. Without such a rule, Accepts of specific ranges restrict
 * the hub (an address no rule accepts is refused), while Rejects alone are a block list and
 * leave every other address admitted.
 */
export function ipFiltersRestrict(rules: readonly IpFilterRule[]): { restricts: boolean; decidedBy?: IpFilterRule } {
  for (const rule of rules) {
    if (!isWholeInternetMask(rule.ipMask)) continue;
    return { restricts: rule.action.toLowerCase() !== 'accept', decidedBy: rule };
  }
  return { restricts: rules.some((rule) => rule.action.toLowerCase() === 'accept') };
}

/** `networkRuleSets.ipRules`: the ranges a Deny rule set admits (`ipMask`, action Allow); absent is none. */
export function iotNetworkRuleSetIpRules(hub: ArmResource): Array<{ ipMask: unknown; path: string }> {
  return readArray(hub, 'properties.networkRuleSets.ipRules').value.map((entry, i) => {
    const path = `properties.networkRuleSets.ipRules[${i}]`;
    if (!isJsonObject(entry) || (entry.action !== undefined && entry.action !== null && (typeof entry.action !== 'string' || entry.action.toLowerCase() !== 'allow'))) {
      throw new MalformedProperty(path, 'an Allow rule with an ipMask', entry);
    }
    return { ipMask: entry.ipMask, path: `${path}.ipMask` };
  });
}

/**
 * Whether shared access signatures are accepted at all: `disableLocalAuth` turns off the hub's
 * policies' keys, `disableDeviceSAS` and `disableModuleSAS` the device and module keys (each
 * absent means false, keys accepted). Any of them left on accepts a key.
 */
export function acceptsSasKeys(hub: ArmResource): boolean {
  return !(localAuthDisabled(hub).value && readBoolean(hub, 'properties.disableDeviceSAS', false).value && readBoolean(hub, 'properties.disableModuleSAS', false).value);
}
