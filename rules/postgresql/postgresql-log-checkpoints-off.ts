import { parameterIsOn } from '../../src/adapters/flexible-server.js';
import { postgresqlParameter } from '../../src/adapters/postgresql.js';
import { POSTGRESQL_CONFIGURATION_TYPE, POSTGRESQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { POSTGRESQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-PG-002',
  name: 'postgresql-log-checkpoints-off',
  title: 'PostgreSQL server does not log checkpoints',
  severity: 'low',
  service: 'postgresql',
  resourceTypes: [POSTGRESQL_SERVER_TYPE],
  requires: [POSTGRESQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `log_checkpoints` is off, so checkpoints and restart points are not written to the server log. It is on by default on flexible servers.',
  rationale:
    'Checkpoint entries show when and how much data the server flushes; with query and error logs they help reconstruct what happened around an incident, and show load patterns that may be an attack.',
  remediation: {
    text: 'Set the server parameter log_checkpoints to on.',
    az: 'az postgres flexible-server parameter set --resource-group <resource-group> --server-name <server> --name log_checkpoints --value on',
  },
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-logging', 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.2.2'], mcsb: ['LT-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, POSTGRESQL_CONFIGURATION_TYPE);
    const setting = postgresqlParameter(server, parameters, 'log_checkpoints');
    if (!parameterIsOn(setting)) reportParameter(server, context, POSTGRESQL_SERVER, 'does not log checkpoints', setting);
  },
});
