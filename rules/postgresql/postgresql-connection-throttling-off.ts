import { parameterIsOn } from '../../src/adapters/flexible-server.js';
import { postgresqlParameter } from '../../src/adapters/postgresql.js';
import { POSTGRESQL_CONFIGURATION_TYPE, POSTGRESQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { POSTGRESQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-PG-003',
  name: 'postgresql-connection-throttling-off',
  title: 'PostgreSQL server does not throttle failed logins',
  severity: 'medium',
  service: 'postgresql',
  resourceTypes: [POSTGRESQL_SERVER_TYPE],
  requires: [POSTGRESQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `connection_throttle.enable` is off: repeated failed logins from one address are not slowed down. Azure documents `off` as its default, so a server where it is not set fails.',
  rationale:
    'Connection throttling slows a client address that keeps failing to log in, and logs that it did: a password-guessing run against the server is slowed and leaves a trace. Without it, only the strength of the password stands in the way.',
  remediation: {
    text: 'Set the server parameter connection_throttle.enable to on.',
    az: 'az postgres flexible-server parameter set --resource-group <resource-group> --server-name <server> --name connection_throttle.enable --value on',
  },
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.2.3'], mcsb: ['LT-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, POSTGRESQL_CONFIGURATION_TYPE);
    const setting = postgresqlParameter(server, parameters, 'connection_throttle.enable');
    if (!parameterIsOn(setting)) reportParameter(server, context, POSTGRESQL_SERVER, 'does not throttle repeated failed logins', setting);
  },
});
