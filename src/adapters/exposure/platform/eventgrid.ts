import type { PlatformGrant } from '../../../model/exposure.js';
import { EVENT_GRID_NAMESPACE_TYPE } from '../../../inventory/arm-types.js';
import type { ArmResource } from '../../../inventory/types.js';
import { inboundIpRules, isMqttBrokerEnabled, MQTT_PRIVATE_LINK_GROUP, namespacePublicNetworkAccess } from '../../eventgrid.js';
import { endpointOf, ipRuleGrant, privateEndpointGrants, publicAccessOf, requiredHostAt, widestReach } from './grants.js';
import type { PlatformEndpointSource } from './source.js';

/**
 * An Event Grid namespace's MQTT broker, when its topic spaces are on: `topicSpacesConfiguration.hostname`,
 * MQTT on 8883 and MQTT over WebSockets on 443. Reachable as AZ-EVG-001 reads it while
 * `publicNetworkAccess` is not Disabled: no inbound IP rule, or one for 0.0.0.0/0, admits
 * everyone; otherwise the rules' ranges. Clients authenticate with X.509 certificates or
 * Microsoft Entra ID (JWT). The namespace's HTTP topic endpoint is not this endpoint.
 */
export const EVENT_GRID_MQTT_ENDPOINTS: PlatformEndpointSource = {
  resourceType: EVENT_GRID_NAMESPACE_TYPE,
  reads: [EVENT_GRID_NAMESPACE_TYPE],
  endpoints(namespace) {
    if (!isMqttBrokerEnabled(namespace)) return [];
    const grants = [...brokerGrants(namespace), ...privateEndpointGrants(namespace, [MQTT_PRIVATE_LINK_GROUP])];
    if (widestReach(grants) === undefined) return [];
    const at = requiredHostAt(namespace, 'properties.topicSpacesConfiguration.hostname');
    return [endpointOf(namespace, { service: 'mqtt', ...at, ports: [443, 8883] }, grants, ['certificates', 'entra'])];
  },
};

function brokerGrants(namespace: ArmResource): PlatformGrant[] {
  if (publicAccessOf(namespacePublicNetworkAccess(namespace)) === 'disabled') return [];
  const { setting, rules } = inboundIpRules(namespace);
  const ranges = rules.map((rule) => ipRuleGrant(rule.ipMask, namespace.id, `${rule.path}.ipMask`));
  // A rule for 0.0.0.0/0 (allowAllRule, which AZ-EVG-001 reports) is among them, as `everyone`.
  if (rules.length > 0) return ranges;
  return [{ kind: 'everyone', source: { resourceId: namespace.id, path: setting.path, value: setting.absent ? null : setting.raw } }];
}
