import { iotNetworkDefaultAction, iotPublicNetworkAccess, ipFilterRules, ipFiltersRestrict } from '../../src/adapters/iothub.js';
import { IOT_HUB_TYPE } from '../../src/inventory/arm-types.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-IOT-002',
  name: 'iothub-open-to-all-networks',
  title: 'IoT Hub public endpoint open to all networks',
  severity: 'medium',
  service: 'iothub',
  resourceTypes: [IOT_HUB_TYPE],
  requires: [],
  description:
    'The hub\'s `publicNetworkAccess` is not Disabled, its `networkRuleSets.defaultAction` is not Deny, and its `ipFilterRules` do not limit it to specific ranges. Rules apply in order: the first covering the whole internet (0.0.0.0/0) decides — Accept opens the hub, Reject closes it; without one, Accepts of specific ranges restrict it and Rejects alone (a block list) do not.',
  rationale:
    'Devices often sit on known networks; a hub that accepts connections from anywhere lets stolen device credentials be used from anywhere, and exposes the service endpoints to the whole internet.',
  remediation: {
    text: 'Restrict the hub to the device and service networks with IP filter rules or a network rule set that denies by default, or disable public network access and use private endpoints.',
    az: 'az iot hub update --name <hub> --set properties.publicNetworkAccess=Disabled',
  },
  references: [
    'https://learn.microsoft.com/azure/iot-hub/iot-hub-ip-filtering',
    'https://learn.microsoft.com/azure/iot-hub/virtual-network-support',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(hub, context) {
    const access = iotPublicNetworkAccess(hub);
    if (sameText(access.value, 'Disabled')) return;
    const defaultAction = iotNetworkDefaultAction(hub);
    if (sameText(defaultAction.value, 'Deny')) return;
    const filters = ipFilterRules(hub);
    const verdict = ipFiltersRestrict(filters.rules);
    if (verdict.restricts) return;
    const why = verdict.decidedBy
      ? `IP filter rule '${verdict.decidedBy.name}' accepts ${verdict.decidedBy.ipMask}`
      : 'no IP filter rule limits it to specific ranges';
    context.report({
      message: `IoT hub '${hub.name}' accepts connections from all networks: public network access ${access.value}, ${why}.`,
      evidence: [evidence(access), evidence(defaultAction, defaultAction.absent ? 'no network rule set' : undefined), evidence(filters.setting, filters.setting.absent ? 'no IP filter rules' : undefined)],
    });
  },
});
