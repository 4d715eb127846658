import { ACTIVITY_LOG_ALERT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { reportUnalertedOperations } from './activity-log-alert.js';
import { defineRule } from '../../src/model/rule.js';

const OPERATIONS = ['Microsoft.Network/publicIPAddresses/write', 'Microsoft.Network/publicIPAddresses/delete'];

export default defineRule({
  id: 'AZ-MON-005',
  name: 'public-ip-changes-not-alerted',
  title: 'No activity log alert for public IP address changes',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [ACTIVITY_LOG_ALERT_TYPE],
  description:
    'The subscription has no activity log alert that notifies anyone when a public IP address is created, updated (`Microsoft.Network/publicIPAddresses/write`) or deleted (`…/delete`): enabled, scoped to the whole subscription, with at least one action group, and with conditions that the Administrative event of the operation meets.',
  rationale:
    'A public IP address is how a VM, load balancer or gateway becomes reachable from the internet. Would a new public endpoint be noticed? Only if creating one tells someone: an activity log alert on public IP changes does, whoever creates it and however.',
  remediation: {
    text: 'Create an activity log alert, scoped to the subscription and with an action group that reaches the security team, for category Administrative and operation Microsoft.Network/publicIPAddresses/write, and another for …/delete.',
    az: 'az monitor activity-log alert create --name public-ip-write --resource-group <resource-group> --scope /subscriptions/<subscription-id> --condition category=Administrative and operationName=Microsoft.Network/publicIPAddresses/write --action-group <action-group-id>',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-activity-log-alert-rule',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema',
  ],
  compliance: { 'cis-azure-3.0': ['6.2.9', '6.2.10'], mcsb: ['LT-3'] },
  check(subscription, context) {
    reportUnalertedOperations(subscription, context, OPERATIONS);
  },
});
