import { reportActivityLogNotExported } from '../../src/adapters/activity-log.js';
import { DIAGNOSTIC_SETTING_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-MON-007',
  name: 'activity-log-not-exported',
  title: 'Subscription activity log not exported',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [DIAGNOSTIC_SETTING_TYPE],
  description:
    'The subscription has no diagnostic setting of its own (`/subscriptions/{id}/providers/Microsoft.Insights/diagnosticSettings/{name}`) that exports all four activity log categories Administrative, Alert, Policy and Security, each in one `logs` entry with `enabled` true, or all of them through the `allLogs` category group.',
  rationale:
    'The activity log is the record of who changed what in the subscription: who opened a firewall, deleted a policy assignment or read a storage key. Azure keeps it for 90 days; without an export to a workspace, an event hub or an archive, no SIEM sees it and a change noticed after three months cannot be investigated.',
  remediation: {
    text: 'Create a subscription diagnostic setting that sends the Administrative, Alert, Policy and Security categories (or allLogs) to a Log Analytics workspace, an event hub feeding the SIEM, or a storage account.',
    az: 'az monitor diagnostic-settings subscription create --name activity-log --location <region> --workspace <log-analytics-workspace-id> --logs \'[{"category":"Administrative","enabled":true},{"category":"Alert","enabled":true},{"category":"Policy","enabled":true},{"category":"Security","enabled":true}]\'',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
  ],
  compliance: { 'cis-azure-3.0': ['6.1.1', '6.1.2'], mcsb: ['LT-3'] },
  check(subscription, context) {
    reportActivityLogNotExported(subscription, context);
  },
});
