import { autoProvision } from '../../src/adapters/defender.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { AUTO_PROVISIONING_SETTING_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-DEF-007',
  name: 'auto-provisioning-off',
  title: 'Defender for Cloud auto provisioning off',
  severity: 'low',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [AUTO_PROVISIONING_SETTING_TYPE],
  description:
    'The subscription\'s Defender for Cloud auto provisioning setting (`autoProvisioningSettings/default`) is missing or has `autoProvision` other than On: new virtual machines do not get the monitoring agent Defender for Cloud collects security data with.',
  rationale:
    'Defender for Cloud can only assess and alert on what it collects from a machine. With auto provisioning off, each new virtual machine is unmonitored until someone installs the agent by hand, and machines created in a hurry, or by an attacker, never are.',
  remediation: {
    text: 'Turn auto provisioning on for the subscription in Defender for Cloud\'s environment settings (Settings & monitoring), or with az security auto-provisioning-setting update.',
    az: 'az security auto-provisioning-setting update --name default --auto-provision On',
  },
  references: [
    'https://learn.microsoft.com/azure/defender-for-cloud/monitoring-components',
    'https://learn.microsoft.com/rest/api/defenderforcloud/auto-provisioning-settings/list',
  ],
  compliance: { 'cis-azure-3.0': ['3.1.1.1'], mcsb: ['LT-1'] },
  check(subscription, context) {
    const settings = context.resourcesIn(subscription, AUTO_PROVISIONING_SETTING_TYPE);
    const setting = settings.find((candidate) => sameText(candidate.name, 'default'));
    if (!setting) {
      const id = `${subscription.id}/providers/${AUTO_PROVISIONING_SETTING_TYPE}/default`;
      context.report({
        resource: { id, type: AUTO_PROVISIONING_SETTING_TYPE, name: 'default' },
        message: `Auto provisioning is off in subscription '${subscription.name}': there is no 'default' auto provisioning setting, which means Off.`,
        evidence: [{ resourceId: id, path: 'properties.autoProvision', absent: true, note: 'auto provisioning settings were read for the subscription and there is none: Off' }],
      });
      return;
    }
    const value = autoProvision(setting);
    if (sameText(value.value, 'On')) return;
    context.report({
      resource: { id: setting.id, type: setting.type, name: setting.name },
      message: `Auto provisioning is off in subscription '${subscription.name}': autoProvision is ${value.absent ? 'absent (read as Off)' : `'${value.value}'`}.`,
      evidence: [evidence(value)],
    });
  },
});
