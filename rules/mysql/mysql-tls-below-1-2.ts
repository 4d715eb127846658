import { parameterList, parameterTlsVersion } from '../../src/adapters/flexible-server.js';
import { mysqlParameter } from '../../src/adapters/mysql.js';
import { MYSQL_CONFIGURATION_TYPE, MYSQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { MYSQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-MY-002',
  name: 'mysql-tls-below-1-2',
  title: 'MySQL server accepts TLS older than 1.2',
  severity: 'medium',
  service: 'mysql',
  resourceTypes: [MYSQL_SERVER_TYPE],
  requires: [MYSQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `tls_version` lists TLSv1 or TLSv1.1, so clients may connect with TLS 1.0 or 1.1. The default is TLSv1.2 (TLSv1.2,TLSv1.3 on MySQL 8.0).',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are deprecated; allowing only 1.2 and later keeps every connection on a protocol version that still protects logins and data in transit.',
  remediation: {
    text: 'Set the server parameter tls_version to TLSv1.2 (or TLSv1.2,TLSv1.3), after checking that clients support it.',
    az: 'az mysql flexible-server parameter set --resource-group <resource-group> --server-name <server> --name tls_version --value TLSv1.2',
  },
  references: ['https://learn.microsoft.com/azure/mysql/flexible-server/how-to-connect-tls-ssl', 'https://learn.microsoft.com/azure/mysql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': ['5.3.2'], mcsb: ['DP-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, MYSQL_CONFIGURATION_TYPE);
    const setting = mysqlParameter(server, parameters, 'tls_version');
    const versions = parameterList(setting).map((text) => parameterTlsVersion(setting, text));
    if (versions.length === 0) parameterTlsVersion(setting, setting.value); // an empty list names no version: not evaluated
    if (versions.some((version) => version < 12)) reportParameter(server, context, MYSQL_SERVER, 'accepts TLS older than 1.2', setting);
  },
});
