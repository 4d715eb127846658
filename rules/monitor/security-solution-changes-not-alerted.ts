import { ACTIVITY_LOG_ALERT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { reportUnalertedOperations } from './activity-log-alert.js';
import { defineRule } from '../../src/model/rule.js';

const OPERATIONS = ['Microsoft.Security/securitySolutions/write', 'Microsoft.Security/securitySolutions/delete'];

export default defineRule({
  id: 'AZ-MON-008',
  name: 'security-solution-changes-not-alerted',
  title: 'No activity log alert for security solution changes',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [ACTIVITY_LOG_ALERT_TYPE],
  description:
    'The subscription has no activity log alert that notifies anyone when a Defender for Cloud security solution (a partner firewall, WAF or endpoint protection connected to Defender for Cloud) is created, updated (`Microsoft.Security/securitySolutions/write`) or deleted (`…/delete`): enabled, scoped to the whole subscription, with at least one action group, and with conditions that the Administrative event of the operation meets.',
  rationale:
    'Security solutions are the partner firewalls, web application firewalls and endpoint protection that feed Defender for Cloud. Removing or reconfiguring one silences what it protected and reported, which is what an attacker covering their tracks would do, so it should tell someone when it happens.',
  remediation: {
    text: 'Create an activity log alert, scoped to the subscription and with an action group that reaches the security team, for category Administrative and operation Microsoft.Security/securitySolutions/write, and another for …/delete.',
    az: 'az monitor activity-log alert create --name security-solution-write --resource-group <resource-group> --scope /subscriptions/<subscription-id> --condition category=Administrative and operationName=Microsoft.Security/securitySolutions/write --action-group <action-group-id>',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-activity-log-alert-rule',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema',
  ],
  compliance: { 'cis-azure-3.0': ['6.2.5', '6.2.6'], mcsb: ['LT-3'] },
  check(subscription, context) {
    reportUnalertedOperations(subscription, context, OPERATIONS);
  },
});
