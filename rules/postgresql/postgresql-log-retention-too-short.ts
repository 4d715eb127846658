import { parameterInteger } from '../../src/adapters/flexible-server.js';
import { postgresqlParameter } from '../../src/adapters/postgresql.js';
import { POSTGRESQL_CONFIGURATION_TYPE, POSTGRESQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { POSTGRESQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-PG-004',
  name: 'postgresql-log-retention-too-short',
  title: 'PostgreSQL server keeps its logs for 3 days or fewer',
  severity: 'low',
  service: 'postgresql',
  resourceTypes: [POSTGRESQL_SERVER_TYPE],
  requires: [POSTGRESQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `logfiles.retention_days` is 3 or less (Azure allows 1 to 7; the default is 3), so server log files are deleted after at most 3 days.',
  rationale:
    'Server logs record logins, errors and checkpoints; an incident is often found days after it began, and logs already deleted cannot tell what happened.',
  remediation: {
    text: 'Set the server parameter logfiles.retention_days to more than 3 (4 to 7), and export the logs to a Log Analytics workspace for longer retention.',
    az: 'az postgres flexible-server parameter set --resource-group <resource-group> --server-name <server> --name logfiles.retention_days --value 7',
  },
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-logging', 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.2.4'], mcsb: ['LT-6'] },
  check(server, context) {
    const parameters = context.childrenOf(server, POSTGRESQL_CONFIGURATION_TYPE);
    const setting = postgresqlParameter(server, parameters, 'logfiles.retention_days');
    if (parameterInteger(setting) <= 3) reportParameter(server, context, POSTGRESQL_SERVER, 'keeps its server logs for 3 days or fewer', setting);
  },
});
