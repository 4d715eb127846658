import { describeParameter, parameterIsOn, parameterList } from '../../src/adapters/flexible-server.js';
import { mysqlParameter } from '../../src/adapters/mysql.js';
import { MYSQL_CONFIGURATION_TYPE, MYSQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { MYSQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-MY-004',
  name: 'mysql-audit-log-misses-connections',
  title: 'MySQL server audit log does not record connections',
  severity: 'medium',
  service: 'mysql',
  resourceTypes: [MYSQL_SERVER_TYPE],
  requires: [MYSQL_CONFIGURATION_TYPE],
  description:
    'Audit logging is on, but the server parameter `audit_log_events` does not include CONNECTION, so logins and failed login attempts are not audited. A server with audit logging off is not applicable (AZ-MY-003 reports it).',
  rationale:
    'Connection events are the audit record of who logged in, from where, and which attempts failed: without them password guessing and the use of a stolen credential go unrecorded.',
  remediation: {
    text: 'Add CONNECTION to the server parameter audit_log_events (it is the default).',
    az: 'az mysql flexible-server parameter set --resource-group <resource-group> --server-name <server> --name audit_log_events --value CONNECTION,ADMIN,DDL',
  },
  references: ['https://learn.microsoft.com/azure/mysql/flexible-server/concepts-audit-logs', 'https://learn.microsoft.com/azure/mysql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.3.4'], mcsb: ['LT-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, MYSQL_CONFIGURATION_TYPE);
    const enabled = mysqlParameter(server, parameters, 'audit_log_enabled');
    if (!parameterIsOn(enabled)) {
      context.notApplicable(`audit logging is off (${describeParameter(enabled)}); AZ-MY-003 reports that`);
      return;
    }
    const events = mysqlParameter(server, parameters, 'audit_log_events');
    if (!parameterList(events).some((event) => event.toUpperCase() === 'CONNECTION')) reportParameter(server, context, MYSQL_SERVER, 'does not audit connections', events);
  },
});
