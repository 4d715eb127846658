import { describeParameter, parameterEvidence, parameterIsOn } from '../../src/adapters/flexible-server.js';
import { postgresqlParameter } from '../../src/adapters/postgresql.js';
import { POSTGRESQL_CONFIGURATION_TYPE, POSTGRESQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { POSTGRESQL_SERVER } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-PG-008',
  name: 'postgresql-connection-logging-off',
  title: 'PostgreSQL server does not log connections or disconnections',
  severity: 'medium',
  service: 'postgresql',
  resourceTypes: [POSTGRESQL_SERVER_TYPE],
  requires: [POSTGRESQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `log_connections` or `log_disconnections` is off, so connection attempts, successful logins or session ends are not written to the server log. Both are on by default on flexible servers.',
  rationale:
    'Connection and disconnection entries are the record of who logged in, from where and for how long: without them a password-guessing run, or a stolen credential in use, leaves no trace in the server log.',
  remediation: {
    text: 'Set the server parameters log_connections and log_disconnections to on.',
    az: 'az postgres flexible-server parameter set --resource-group <resource-group> --server-name <server> --name log_connections --value on',
  },
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-logging', 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['LT-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, POSTGRESQL_CONFIGURATION_TYPE);
    const off = (['log_connections', 'log_disconnections'] as const).map((name) => postgresqlParameter(server, parameters, name)).filter((setting) => !parameterIsOn(setting));
    if (off.length === 0) return;
    const what = off.map((setting) => (setting.parameter === 'log_connections' ? 'connection attempts' : 'session ends')).join(' or ');
    context.report({ message: `${POSTGRESQL_SERVER} '${server.name}' does not log ${what}: ${off.map(describeParameter).join(', ')}.`, evidence: off.map(parameterEvidence) });
  },
});
