import { ACTIVITY_LOG_ALERT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { reportUnalertedOperations } from './activity-log-alert.js';
import { defineRule } from '../../src/model/rule.js';

const OPERATIONS = ['Microsoft.Network/networkSecurityGroups/write', 'Microsoft.Network/networkSecurityGroups/delete'];

export default defineRule({
  id: 'AZ-MON-002',
  name: 'nsg-changes-not-alerted',
  title: 'No activity log alert for NSG changes',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [ACTIVITY_LOG_ALERT_TYPE],
  description:
    'The subscription has no activity log alert that notifies anyone when a network security group is created, updated (`Microsoft.Network/networkSecurityGroups/write`) or deleted (`…/delete`): enabled, scoped to the whole subscription, with at least one action group, and with conditions that the Administrative event of the operation meets.',
  rationale:
    'An NSG is the firewall in front of the backend\'s VMs and subnets: when one is replaced or deleted, a workload may face the internet it was hidden from. Would such a new public endpoint be noticed? Only if the change tells someone when it happens, whoever made it.',
  remediation: {
    text: 'Create an activity log alert, scoped to the subscription and with an action group that reaches the security team, for category Administrative and operation Microsoft.Network/networkSecurityGroups/write, and another for …/delete.',
    az: 'az monitor activity-log alert create --name nsg-write --resource-group <resource-group> --scope /subscriptions/<subscription-id> --condition category=Administrative and operationName=Microsoft.Network/networkSecurityGroups/write --action-group <action-group-id>',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-activity-log-alert-rule',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema',
  ],
  compliance: { 'cis-azure-3.0': ['6.2.3', '6.2.4'], mcsb: ['LT-3'] },
  check(subscription, context) {
    reportUnalertedOperations(subscription, context, OPERATIONS);
  },
});
