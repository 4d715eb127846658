import { MalformedProperty } from '../engine/not-evaluated.js';
import type { ArmResource } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';
import { isInternetSource } from '../net/addresses.js';
import { readArray, readBoolean, readString, type Setting } from './setting.js';

export const IOT_HUB_TYPE = 'Microsoft.Devices/IotHubs';

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

/** An Accept whose mask is the whole internet (`0.0.0.0/0`) restricts nothing. */
export function acceptsWholeInternet(rule: IpFilterRule): boolean {
  return rule.action.toLowerCase() === 'accept' && isInternetSource(rule.ipMask);
}
