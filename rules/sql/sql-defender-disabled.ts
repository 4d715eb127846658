import { evidence, sameText } from '../../src/adapters/setting.js';
import { isEnabled, securityAlertState } from '../../src/adapters/sql.js';
import { SQL_SECURITY_ALERT_POLICY_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-010',
  name: 'sql-defender-disabled',
  title: 'Microsoft Defender for SQL off on a SQL server',
  severity: 'medium',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_SECURITY_ALERT_POLICY_TYPE],
  description:
    'The server\'s `securityAlertPolicies/Default` (Microsoft Defender for SQL threat detection) has a `state` other than Enabled — `Disabled`, or `New` when it was never configured — or none at all, or there is no such policy although it was read for every server.',
  rationale:
    'Defender for SQL is what raises an alert on SQL injection, a brute-force attack on the logins, a sign-in from an unusual place or an unusual bulk export. Without it, an attack on the database holding device and personal data runs without anyone being told.',
  remediation: {
    text: 'Enable Microsoft Defender for SQL for the subscription (the SqlServers plan), which enables it on every server; or enable it on this server.',
    az: 'az sql server advanced-threat-protection-setting update --resource-group <resource-group> --name <server> --state Enabled',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/azure-defender-for-sql'],
  compliance: { 'cis-azure-3.0': ['3.1.7.3'], mcsb: ['LT-1', 'DP-2'] },
  check(server, context) {
    const policy = context.childOf(server, SQL_SECURITY_ALERT_POLICY_TYPE, 'Default');
    if (!policy) {
      context.report({
        message: `SQL server '${server.name}' has no securityAlertPolicies/Default, so Microsoft Defender for SQL cannot be shown to be on.`,
        evidence: [{ resourceId: `${server.id}/securityAlertPolicies/Default`, path: 'properties.state', absent: true, note: 'the Defender for SQL policy was read for every server and this one has none' }],
      });
      return;
    }
    const state = securityAlertState(policy);
    if (isEnabled(state)) return;
    const never = sameText(state.value, 'New');
    context.report({
      message: `Microsoft Defender for SQL is ${state.absent ? 'not set' : `'${String(state.value)}'`} on SQL server '${server.name}'${never ? ' (never configured)' : ''}.`,
      evidence: [evidence(state, state.absent ? 'not set; Defender for SQL is not shown to be Enabled' : undefined)],
    });
  },
});
