import { allowAllRule, inboundIpRules, isMqttBrokerEnabled, namespacePublicNetworkAccess } from '../../src/adapters/eventgrid.js';
import { EVENT_GRID_NAMESPACE_TYPE } from '../../src/inventory/arm-types.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-EVG-001',
  name: 'eventgrid-mqtt-open-to-all-networks',
  title: 'Event Grid MQTT broker open to all networks',
  severity: 'medium',
  service: 'eventgrid',
  resourceTypes: [EVENT_GRID_NAMESPACE_TYPE],
  requires: [],
  description:
    'An Event Grid namespace with the MQTT broker enabled (`topicSpacesConfiguration.state` Enabled) has `publicNetworkAccess` other than Disabled and no `inboundIpRules` that limit it to specific addresses: the list is absent or empty, or one rule allows every address (`0.0.0.0/0`).',
  rationale:
    'Devices reach an MQTT broker from known networks: a carrier\'s APN, a factory, a partner\'s gateway. A broker open to every address lets a stolen device certificate or a leaked client credential publish and subscribe from anywhere, and exposes the broker to credential stuffing and floods from the whole internet.',
  remediation: {
    text: 'Add inbound IP rules that allow only the device and service networks, or disable public network access and connect devices through private endpoints.',
    az: 'az resource update --ids <namespace-id> --set properties.publicNetworkAccess=Disabled',
  },
  references: [
    'https://learn.microsoft.com/azure/event-grid/configure-firewall-mqtt',
    'https://learn.microsoft.com/azure/event-grid/configure-firewall-namespaces',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(namespace, context) {
    if (!isMqttBrokerEnabled(namespace)) {
      context.notApplicable('the MQTT broker is not enabled (topicSpacesConfiguration.state is not Enabled)');
      return;
    }
    const access = namespacePublicNetworkAccess(namespace);
    if (sameText(access.value, 'Disabled')) return;
    const { setting, rules } = inboundIpRules(namespace);
    const allowAll = allowAllRule(rules);
    if (rules.length > 0 && !allowAll) return;
    context.report({
      message: `Event Grid namespace '${namespace.name}' accepts MQTT connections from all networks: public network access ${access.value}, ${allowAll ? `inbound IP rule ${allowAll.ipMask} allows every address` : 'no inbound IP rule limits it'}.`,
      evidence: [
        evidence(access),
        allowAll
          ? { resourceId: namespace.id, path: allowAll.path, value: allowAll.ipMask, note: 'allows every address' }
          : evidence(setting, setting.absent ? 'no inbound IP rules: every address is allowed' : 'empty: every address is allowed'),
      ],
    });
  },
});
