import { integrationEnabled } from '../../src/adapters/defender.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { SECURITY_SETTING_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

const MCAS = 'MCAS';

export default defineRule({
  id: 'AZ-DEF-008',
  name: 'cloud-apps-integration-off',
  title: 'Defender for Cloud Apps integration off',
  severity: 'low',
  service: 'defender',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [SECURITY_SETTING_TYPE],
  description:
    'The subscription\'s Defender for Cloud setting `MCAS`, which shares its alerts and activity with Microsoft Defender for Cloud Apps, is missing or has `enabled` other than true.',
  rationale:
    'Defender for Cloud Apps correlates what happens in Azure with sign-ins and activity in the other cloud apps. Without the integration, an attacker who moves from a compromised mailbox to the Azure subscription leaves two unconnected trails.',
  remediation: {
    text: 'In Defender for Cloud\'s environment settings, open the subscription\'s Integrations and select "Allow Microsoft Defender for Cloud Apps to access my data", or set the MCAS setting\'s enabled to true.',
    az: 'az security setting update --name MCAS --enabled true',
  },
  references: [
    'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-cloud-introduction',
    'https://learn.microsoft.com/rest/api/defenderforcloud/settings/list',
  ],
  compliance: { 'cis-azure-3.0': ['3.1.1.2'], mcsb: ['LT-1'] },
  check(subscription, context) {
    const settings = context.resourcesIn(subscription, SECURITY_SETTING_TYPE);
    const setting = settings.find((candidate) => sameText(candidate.name, MCAS));
    if (!setting) {
      const id = `${subscription.id}/providers/${SECURITY_SETTING_TYPE}/${MCAS}`;
      context.report({
        resource: { id, type: SECURITY_SETTING_TYPE, name: MCAS },
        message: `Defender for Cloud Apps integration is not shown to be on in subscription '${subscription.name}': there is no '${MCAS}' setting.`,
        evidence: [{ resourceId: id, path: 'properties.enabled', absent: true, note: 'Defender for Cloud settings were read for the subscription and MCAS is not among them: not shown to be on' }],
      });
      return;
    }
    const enabled = integrationEnabled(setting);
    if (enabled.value) return;
    context.report({
      resource: { id: setting.id, type: setting.type, name: setting.name },
      message: `Defender for Cloud Apps integration is off in subscription '${subscription.name}': setting '${setting.name}' has ${enabled.absent ? 'no enabled (read as off)' : `enabled ${String(enabled.raw)}`}.`,
      evidence: [evidence(enabled, enabled.absent ? 'not set; not shown to be on, read as off' : undefined)],
    });
  },
});
