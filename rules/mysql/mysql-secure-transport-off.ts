import { parameterIsOn } from '../../src/adapters/flexible-server.js';
import { mysqlParameter } from '../../src/adapters/mysql.js';
import { MYSQL_CONFIGURATION_TYPE, MYSQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { MYSQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-MY-001',
  name: 'mysql-secure-transport-off',
  title: 'MySQL server accepts connections without TLS',
  severity: 'high',
  service: 'mysql',
  resourceTypes: [MYSQL_SERVER_TYPE],
  requires: [MYSQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `require_secure_transport` is OFF: the server accepts unencrypted connections as well as TLS ones. It is ON by default.',
  rationale:
    'Without TLS, logins, passwords and query results cross the network in clear text, where anyone on the path can read or change them. Requiring TLS makes every client encrypt, whatever its connection string says.',
  remediation: {
    text: 'Set the server parameter require_secure_transport to ON, after checking that every client connects with TLS (ssl-mode=REQUIRED or stricter).',
    az: 'az mysql flexible-server parameter set --resource-group <resource-group> --server-name <server> --name require_secure_transport --value ON',
  },
  references: ['https://learn.microsoft.com/azure/mysql/flexible-server/how-to-connect-tls-ssl', 'https://learn.microsoft.com/azure/mysql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.3.1'], mcsb: ['DP-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, MYSQL_CONFIGURATION_TYPE);
    const setting = mysqlParameter(server, parameters, 'require_secure_transport');
    if (!parameterIsOn(setting)) reportParameter(server, context, MYSQL_SERVER, 'accepts connections without TLS', setting);
  },
});
