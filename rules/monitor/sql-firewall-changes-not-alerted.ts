import { ACTIVITY_LOG_ALERT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { reportUnalertedOperations } from './activity-log-alert.js';
import { defineRule } from '../../src/model/rule.js';

const OPERATIONS = ['Microsoft.Sql/servers/firewallRules/write', 'Microsoft.Sql/servers/firewallRules/delete'];

export default defineRule({
  id: 'AZ-MON-004',
  name: 'sql-firewall-changes-not-alerted',
  title: 'No activity log alert for SQL firewall rule changes',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [ACTIVITY_LOG_ALERT_TYPE],
  description:
    'The subscription has no activity log alert that notifies anyone when a SQL server firewall rule is created, updated (`Microsoft.Sql/servers/firewallRules/write`) or deleted (`…/delete`): enabled, scoped to the whole subscription, with at least one action group, and with conditions that the Administrative event of the operation meets.',
  rationale:
    'A SQL server firewall rule decides which addresses reach the database holding the personal data. A rule widened to every address for a quick test, or added so that someone can copy data out from home, is the change that should be noticed at once, not at the next audit.',
  remediation: {
    text: 'Create an activity log alert, scoped to the subscription and with an action group that reaches the security team, for category Administrative and operation Microsoft.Sql/servers/firewallRules/write, and another for …/delete.',
    az: 'az monitor activity-log alert create --name sql-firewall-write --resource-group <resource-group> --scope /subscriptions/<subscription-id> --condition category=Administrative and operationName=Microsoft.Sql/servers/firewallRules/write --action-group <action-group-id>',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-create-activity-log-alert-rule',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema',
  ],
  compliance: { 'cis-azure-3.0': ['6.2.7', '6.2.8'], mcsb: ['LT-3'] },
  check(subscription, context) {
    reportUnalertedOperations(subscription, context, OPERATIONS);
  },
});
