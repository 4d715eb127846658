import { ACTIVITY_LOG_ALERT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { reportUnalertedOperations } from './activity-log-alert.js';
import { defineRule } from '../../src/model/rule.js';

const OPERATIONS = ['Microsoft.Authorization/policyAssignments/write', 'Microsoft.Authorization/policyAssignments/delete'];

export default defineRule({
  id: 'AZ-MON-006',
  name: 'policy-assignment-changes-not-alerted',
  title: 'No activity log alert for policy assignment changes',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [ACTIVITY_LOG_ALERT_TYPE],
  description:
    'The subscription has no activity log alert that notifies anyone when an Azure Policy assignment is created, updated (`Microsoft.Authorization/policyAssignments/write`) or deleted (`…/delete`): enabled, scoped to the whole subscription, with at least one action group, and with conditions that the Administrative event of the operation meets.',
  rationale:
    'Policy assignments are the guard rails: allowed locations, no public storage, diagnostic settings deployed everywhere. Deleting or weakening one switches off every control it enforces at once and quietly, so it should tell someone when it happens.',
  remediation: {
    text: 'Create an activity log alert, scoped to the subscription and with an action group that reaches the security team, for category Administrative and operation Microsoft.Authorization/policyAssignments/write, and another for …/delete.',
    az: 'az monitor activity-log alert create --name policy-assignment-write --resource-group <resource-group> --scope /subscriptions/<subscription-id> --condition category=Administrative and operationName=Microsoft.Authorization/policyAssignments/write --action-group <action-group-id>',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-activity-log-alert-rule',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema',
  ],
  compliance: { 'cis-azure-3.0': ['6.2.1', '6.2.2'], mcsb: ['LT-3'] },
  check(subscription, context) {
    reportUnalertedOperations(subscription, context, OPERATIONS);
  },
});
