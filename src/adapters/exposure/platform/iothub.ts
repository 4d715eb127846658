import type { PlatformAuth, PlatformGrant } from '../../../model/exposure.js';
import { IOT_HUB_TYPE } from '../../../inventory/arm-types.js';
import type { ArmResource } from '../../../inventory/types.js';
import { isWholeInternetMask } from '../../addresses.js';
import { sameText } from '../../setting.js';
import { acceptsSasKeys, iotNetworkDefaultAction, iotNetworkRuleSetIpRules, iotPublicNetworkAccess, ipFilterRules, ipFiltersRestrict } from '../../iothub.js';
import { endpointOf, ipRuleGrant, privateEndpointGrants, publicAccessOf, requiredHostAt, widestReach } from './grants.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * An IoT hub's endpoint, `hostName`: HTTPS 443, AMQPS 5671 and MQTT 8883 (AMQP and MQTT over
 * WebSockets use 443). Reachable as AZ-IOT-002 reads it while `publicNetworkAccess` is not
 * Disabled: a network rule set whose default action is Deny admits only its IP rules; otherwise
 * the IP filter rules decide, in order (see `ipFiltersRestrict`). Devices authenticate with keys
 * (SAS) unless every kind of SAS is turned off, or with X.509 certificates, which every hub
 * accepts (which devices use them is kept in the device registry, not in ARM); back-end
 * services also with Microsoft Entra ID.
 */
export const IOT_HUB_ENDPOINTS: PlatformEndpointSource = {
  resourceType: IOT_HUB_TYPE,
  reads: [IOT_HUB_TYPE],
  endpoints(hub) {
    const grants = [...hubGrants(hub), ...privateEndpointGrants(hub)];
    if (widestReach(grants) === undefined) return [];
    const at = requiredHostAt(hub, 'properties.hostName');
    const auth: PlatformAuth[] = [...(acceptsSasKeys(hub) ? (['keys'] as const) : []), 'certificates', 'entra'];
    return [endpointOf(hub, { service: 'iothub', ...at, ports: [443, 5671, 8883] }, grants, auth)];
  },
};

function hubGrants(hub: ArmResource): PlatformGrant[] {
  if (publicAccessOf(iotPublicNetworkAccess(hub)) === 'disabled') return [];
  const defaultAction = iotNetworkDefaultAction(hub);
  if (sameText(defaultAction.value, 'Deny')) return iotNetworkRuleSetIpRules(hub).map((rule) => ipRuleGrant(rule.ipMask, hub.id, rule.path));
  const filters = ipFilterRules(hub);
  const verdict = ipFiltersRestrict(filters.rules);
  const decidedAt = verdict.decidedBy === undefined ? filters.rules.length : filters.rules.indexOf(verdict.decidedBy);
  // The Accepts before the rule that decides for the whole internet (or all of them, when none does).
  const ranges = filters.rules
    .slice(0, decidedAt)
    .map((rule, i) => ({ rule, i }))
    .filter(({ rule }) => rule.action.toLowerCase() === 'accept' && !isWholeInternetMask(rule.ipMask))
    .map(({ rule, i }) => ipRuleGrant(rule.ipMask, hub.id, `properties.ipFilterRules[${i}].ipMask`));
  if (verdict.restricts) return ranges;
  const source = verdict.decidedBy
    ? { resourceId: hub.id, path: `properties.ipFilterRules[${decidedAt}]`, value: verdict.decidedBy.ipMask }
    : { resourceId: hub.id, path: filters.setting.path, value: filters.setting.absent ? null : filters.setting.raw };
  return [{ kind: 'everyone', source }, ...ranges];
}
