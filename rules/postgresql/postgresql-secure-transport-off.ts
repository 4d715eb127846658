import { parameterIsOn } from '../../src/adapters/flexible-server.js';
import { postgresqlParameter } from '../../src/adapters/postgresql.js';
import { POSTGRESQL_CONFIGURATION_TYPE, POSTGRESQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { POSTGRESQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-PG-001',
  name: 'postgresql-secure-transport-off',
  title: 'PostgreSQL server accepts connections without TLS',
  severity: 'high',
  service: 'postgresql',
  resourceTypes: [POSTGRESQL_SERVER_TYPE],
  requires: [POSTGRESQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `require_secure_transport` is off: the server accepts unencrypted connections as well as TLS ones. It is on by default.',
  rationale:
    'Without TLS, logins, passwords and query results cross the network in clear text, where anyone on the path can read or change them. Requiring TLS makes every client encrypt, whatever its connection string says.',
  remediation: {
    text: 'Set the server parameter require_secure_transport to on, after checking that every client connects with TLS (sslmode=require or stricter).',
    az: 'az postgres flexible-server parameter set --resource-group <resource-group> --server-name <server> --name require_secure_transport --value on',
  },
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls', 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.2.1'], mcsb: ['DP-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, POSTGRESQL_CONFIGURATION_TYPE);
    const setting = postgresqlParameter(server, parameters, 'require_secure_transport');
    if (!parameterIsOn(setting)) reportParameter(server, context, POSTGRESQL_SERVER, 'accepts connections without TLS', setting);
  },
});
