import { EVENT_GRID_NAMESPACE_TYPE } from '../../src/inventory/arm-types.js';
import { isApprovedMqttConnection, isMqttBrokerEnabled, MQTT_PRIVATE_LINK_GROUP, privateEndpointConnections } from '../../src/adapters/eventgrid.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-EVG-002',
  name: 'eventgrid-mqtt-without-private-endpoint',
  title: 'Event Grid MQTT broker without a private endpoint',
  severity: 'low',
  service: 'eventgrid',
  resourceTypes: [EVENT_GRID_NAMESPACE_TYPE],
  requires: [],
  description:
    'An Event Grid namespace with the MQTT broker enabled (`topicSpacesConfiguration.state` Enabled) has no private endpoint connection to the broker: none of its `privateEndpointConnections` has status Approved and the group id `topicspace`. Connections to the HTTP endpoint (group `topic`) do not count.',
  rationale:
    'Without a private endpoint, devices and back-end services reach the broker over its public endpoint, so the broker cannot be closed to the internet without cutting them off. A private endpoint keeps MQTT traffic from the virtual network off the internet and is what lets public network access be disabled.',
  remediation: {
    text: 'Create a private endpoint for the namespace\'s topicspace group in the virtual network the back end (or the devices\' gateway) uses, approve it, and then restrict or disable public network access.',
    az: 'az network private-endpoint create --resource-group <vnet-resource-group> --name <endpoint> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <namespace-id> --group-id topicspace --connection-name <connection>',
  },
  references: [
    'https://learn.microsoft.com/azure/event-grid/configure-private-endpoints-mqtt',
    'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(namespace, context) {
    if (!isMqttBrokerEnabled(namespace)) {
      context.notApplicable('the MQTT broker is not enabled (topicSpacesConfiguration.state is not Enabled)');
      return;
    }
    const { setting, connections, malformed } = privateEndpointConnections(namespace);
    if (connections.some(isApprovedMqttConnection)) return;
    // An entry azscan cannot read might be the approved connection: not evaluated rather than failed.
    if (malformed.length > 0) throw malformed[0];
    const found = connections.map((connection) => `'${connection.name}' (${connection.groupIds.join(', ') || 'no group'}, ${connection.status})`);
    context.report({
      message: `Event Grid namespace '${namespace.name}' has no approved private endpoint connection to its MQTT broker (group ${MQTT_PRIVATE_LINK_GROUP})${found.length > 0 ? `; connections: ${found.join(', ')}` : ''}.`,
      evidence: [evidence(setting, setting.absent ? 'no private endpoint connections' : `none is Approved with group ${MQTT_PRIVATE_LINK_GROUP}`)],
    });
  },
});
