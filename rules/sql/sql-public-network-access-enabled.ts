import { evidence, sameText } from '../../src/adapters/setting.js';
import { serverPublicNetworkAccess } from '../../src/adapters/sql.js';
import { SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-006',
  name: 'sql-public-network-access-enabled',
  title: 'SQL server reachable over its public endpoint',
  severity: 'medium',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [],
  description:
    'The server\'s `publicNetworkAccess` is not Disabled; absent means Enabled. `SecuredByPerimeter` (access decided by a network security perimeter) is reported at low severity.',
  rationale:
    'With public network access on, the server\'s endpoint answers on the internet and its firewall rules are all that keep clients out: one rule added in a hurry, or the "Allow Azure services" switch, opens the database holding device and personal data to the world. With it off, only private endpoints reach the server.',
  remediation: {
    text: 'Connect clients through private endpoints, then disable public network access on the server.',
    az: 'az sql server update --resource-group <resource-group> --name <server> --enable-public-network false',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access'],
  compliance: { 'cis-azure-3.0': ['5.1.7'], mcsb: ['NS-2'] },
  check(server, context) {
    const access = serverPublicNetworkAccess(server);
    if (sameText(access.value, 'Disabled')) return;
    const perimeter = sameText(access.value, 'SecuredByPerimeter');
    context.report({
      message: perimeter
        ? `SQL server '${server.name}' is reachable over its public endpoint as its network security perimeter allows (public network access SecuredByPerimeter).`
        : `SQL server '${server.name}' is reachable over its public endpoint (public network access ${access.absent ? 'not set, which means Enabled' : access.value}); only its firewall rules keep clients out.`,
      evidence: [evidence(access)],
      ...(perimeter ? { severity: 'low' as const } : {}),
    });
  },
});
