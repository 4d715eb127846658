import { parameterTlsVersion } from '../../src/adapters/flexible-server.js';
import { postgresqlParameter } from '../../src/adapters/postgresql.js';
import { POSTGRESQL_CONFIGURATION_TYPE, POSTGRESQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { POSTGRESQL_SERVER, reportParameter } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-PG-007',
  name: 'postgresql-tls-below-1-2',
  title: 'PostgreSQL server accepts TLS older than 1.2',
  severity: 'medium',
  service: 'postgresql',
  resourceTypes: [POSTGRESQL_SERVER_TYPE],
  requires: [POSTGRESQL_CONFIGURATION_TYPE],
  description:
    'The server parameter `ssl_min_protocol_version` is below TLSv1.2 (TLSv1 or TLSv1.1), so clients may connect with TLS 1.0 or 1.1. The default is TLSv1.2.',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are deprecated; a minimum of 1.2 keeps every connection on a protocol version that still protects logins and data in transit.',
  remediation: {
    text: 'Set the server parameter ssl_min_protocol_version to TLSv1.2 or TLSv1.3, after checking that clients support it.',
    az: 'az postgres flexible-server parameter set --resource-group <resource-group> --server-name <server> --name ssl_min_protocol_version --value TLSv1.2',
  },
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls', 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-server-parameters'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-3'] },
  check(server, context) {
    const parameters = context.childrenOf(server, POSTGRESQL_CONFIGURATION_TYPE);
    const setting = postgresqlParameter(server, parameters, 'ssl_min_protocol_version');
    if (parameterTlsVersion(setting, setting.value) < 12) reportParameter(server, context, POSTGRESQL_SERVER, 'accepts TLS older than 1.2', setting);
  },
});
