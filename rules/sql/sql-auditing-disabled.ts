import { evidence } from '../../src/adapters/setting.js';
import { auditingState, isEnabled } from '../../src/adapters/sql.js';
import { SQL_AUDITING_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-003',
  name: 'sql-auditing-disabled',
  title: 'SQL server auditing disabled',
  severity: 'medium',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_AUDITING_TYPE],
  description:
    'The server\'s `auditingSettings/default` has a `state` other than Enabled, or there is none although auditing settings were read for every server.',
  rationale:
    'Without auditing there is no record of who queried or exported what: an insider bulk-downloading personal data, or an attacker with a stolen login, leaves no trace to investigate or alert on.',
  remediation: {
    text: 'Enable server-level auditing to a Log Analytics workspace, an event hub or a storage account.',
    az: 'az sql server audit-policy update --resource-group <resource-group> --name <server> --state Enabled --lats Enabled --lawri <log-analytics-workspace-id>',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/auditing-overview'],
  compliance: { 'cis-azure-3.0': ['5.1.1'], mcsb: ['LT-3'] },
  check(server, context) {
    const auditing = context.childOf(server.id, SQL_AUDITING_TYPE, 'default');
    if (!auditing) {
      context.report({
        message: `SQL server '${server.name}' has no auditing settings.`,
        evidence: [{ resourceId: `${server.id}/auditingSettings/default`, path: 'properties.state', absent: true, note: 'auditing settings were read for every server and this one has none' }],
      });
      return;
    }
    const state = auditingState(auditing);
    if (isEnabled(state)) return;
    context.report({
      message: `Auditing is ${state.absent ? 'not set' : `'${String(state.value)}'`} on SQL server '${server.name}'.`,
      evidence: [evidence(state, state.absent ? 'not set; auditing is not shown to be Enabled' : undefined)],
    });
  },
});
