import type { PlatformGrant } from '../../../model/exposure.js';
import { MalformedProperty, NotEvaluated } from '../../../model/not-evaluated.js';
import { EVENT_HUB_NAMESPACE_TYPE, EVENT_HUB_NETWORK_RULE_SET_TYPE } from '../../../inventory/arm-types.js';
import type { Inventory } from '../../../inventory/inventory.js';
import type { ArmResource } from '../../../inventory/types.js';
import { readString, sameText } from '../../setting.js';
import { eventHubPublicNetworkAccess, namespaceLocalAuthDisabled, networkRules, ruleSetDefaultAction, trustedServiceAccess, virtualNetworkSubnets } from '../../eventhub.js';
import { endpointOf, everyoneGrant, ipRuleGrant, privateEndpointGrants, publicAccessOf, requiredHostAt, widestReach } from './grants.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * An Event Hubs namespace's endpoint, `serviceBusEndpoint`: HTTPS 443, AMQPS 5671 and, above
 * the Basic tier (which has no Kafka endpoint), Kafka 9093. Reachable as AZ-EVH-003 reads it:
 * the namespace's and its rule set's (`networkRuleSets/default`) `publicNetworkAccess`, then the
 * rule set's default action (Allow, absent, or a Deny with no IP and no virtual network rule,
 * which Event Hubs does not enforce, admit everyone), then its IP rules.
 */
export const EVENT_HUB_ENDPOINTS: PlatformEndpointSource = {
  resourceType: EVENT_HUB_NAMESPACE_TYPE,
  reads: [EVENT_HUB_NAMESPACE_TYPE, EVENT_HUB_NETWORK_RULE_SET_TYPE],
  endpoints(namespace, inventory) {
    const grants = [...ruleSetGrants(namespace, inventory), ...privateEndpointGrants(namespace)];
    if (widestReach(grants) === undefined) return [];
    const at = requiredHostAt(namespace, 'properties.serviceBusEndpoint');
    const basic = sameText(readString(namespace, 'sku.tier', undefined).value ?? readString(namespace, 'sku.name', undefined).value, 'Basic');
    const auth = namespaceLocalAuthDisabled(namespace).value ? (['entra'] as const) : (['keys', 'entra'] as const);
    return [endpointOf(namespace, { service: 'eventhubs', ...at, ports: basic ? [443, 5671] : [443, 5671, 9093] }, grants, auth)];
  },
};

function ruleSetGrants(namespace: ArmResource, inventory: Inventory): PlatformGrant[] {
  const access = eventHubPublicNetworkAccess(namespace);
  if (publicAccessOf(access) === 'disabled') return [];
  const unread = inventory.unavailable(namespace, EVENT_HUB_NETWORK_RULE_SET_TYPE);
  if (unread) throw new NotEvaluated(unread.code, `network rule set: ${unread.reason}`);
  const ruleSet = inventory.childrenOf(namespace, EVENT_HUB_NETWORK_RULE_SET_TYPE).find((child) => child.name.toLowerCase() === 'default');
  // Read for every namespace and not there: no rule set, no firewall.
  if (!ruleSet) return [everyoneGrant({ value: 'Allow', resourceId: `${namespace.id}/networkRuleSets/default`, path: 'properties.defaultAction', absent: true, raw: undefined })];
  if (publicAccessOf(eventHubPublicNetworkAccess(ruleSet)) === 'disabled') return [];
  const defaultAction = ruleSetDefaultAction(ruleSet);
  if (sameText(defaultAction.value, 'Allow')) return [everyoneGrant(defaultAction)];
  if (!sameText(defaultAction.value, 'Deny')) throw new MalformedProperty(defaultAction.path, 'Allow or Deny', defaultAction.raw);
  const rules = networkRules(ruleSet);
  const subnets = virtualNetworkSubnets(ruleSet);
  if (rules.ipMasks.length === 0 && rules.virtualNetworkRules.value.length === 0) return [everyoneGrant(defaultAction)];
  const grants: PlatformGrant[] = rules.ipMasks.map((mask, i) => ipRuleGrant(mask, ruleSet.id, `properties.ipRules[${i}].ipMask`));
  for (const { subnetId, path } of subnets) grants.push({ kind: 'virtualNetwork', subnetId, source: { resourceId: ruleSet.id, path, value: subnetId } });
  const trusted = trustedServiceAccess(ruleSet);
  if (trusted.value) grants.push({ kind: 'trustedServices', source: { resourceId: ruleSet.id, path: trusted.path, value: trusted.raw } });
  return grants;
}
