import { parameterIsOn } from '../../src/adapters/flexible-server.js';
import { mysqlParameter } from '../../src/adapters/mysql.js';
import { MYSQL_CONFIGURATION_TYPE, MYSQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { MYSQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-MY-003',
  name: 'mysql-audit-log-disabled',
  title: 'MySQL server audit logging is off',
  severity: 'medium',
  service: 'mysql',
  resourceTypes: [MYSQL_SERVER_TYPE],
  requires: [MYSQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `audit_log_enabled` is OFF, so logins, queries and administrative actions are not audited. It is OFF by default.',
  rationale:
    'The audit log is the record of who connected and what they did; without it, a break-in or an insider\'s data download leaves no trace to investigate.',
  remediation: {
    text: 'Set the server parameter audit_log_enabled to ON, choose the events with audit_log_events, and send the MySqlAuditLogs category to a Log Analytics workspace with a diagnostic setting.',
    az: 'az mysql flexible-server parameter set --resource-group <resource-group> --server-name <server> --name audit_log_enabled --value ON',
  },
  references: ['https://learn.microsoft.com/azure/mysql/flexible-server/concepts-audit-logs', 'https://learn.microsoft.com/azure/mysql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.3.3'], mcsb: ['LT-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, MYSQL_CONFIGURATION_TYPE);
    const setting = mysqlParameter(server, parameters, 'audit_log_enabled');
    if (!parameterIsOn(setting)) reportParameter(server, context, MYSQL_SERVER, 'does not write an audit log', setting);
  },
});
