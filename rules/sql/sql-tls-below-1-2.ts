import { SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { reportTlsBelowMinimum, TLS_RULE_OPTIONS, type TlsRuleOptions } from '../shared/minimum-tls.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule<TlsRuleOptions>({
  id: 'AZ-SQL-004',
  name: 'sql-tls-below-1-2',
  title: 'SQL server accepts TLS older than 1.2',
  severity: 'medium',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [],
  description: 'The server\'s `minimalTlsVersion` is below 1.2, `None`, or not set, so clients may connect with TLS 1.0 or 1.1.',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are deprecated; a minimum of 1.2 keeps every connection on a protocol version that still protects credentials and data in transit.',
  remediation: {
    text: 'Set the server\'s minimum TLS version to 1.2 after checking that clients support it.',
    az: 'az sql server update --resource-group <resource-group> --name <server> --minimal-tls-version 1.2',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version'],
  options: TLS_RULE_OPTIONS,
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-3'] },
  check(server, context) {
    reportTlsBelowMinimum(server, context, 'properties.minimalTlsVersion', 'SQL server');
  },
});
