import { evidence, sameText } from '../../src/adapters/setting.js';
import { admitsAllOfAzure, firewallRange, serverPublicNetworkAccess } from '../../src/adapters/sql.js';
import { SQL_FIREWALL_RULE_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-005',
  name: 'sql-firewall-allows-all-azure',
  title: 'SQL server firewall admits all of Azure',
  severity: 'high',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_FIREWALL_RULE_TYPE],
  description:
    'A server-level firewall rule runs from 0.0.0.0 to 0.0.0.0: Azure\'s "Allow Azure services and resources to access this server" switch, usually named `AllowAllWindowsAzureIps`. It admits every address Azure owns, whoever\'s subscription the connection comes from. When the server\'s public network access is Disabled the rule has no effect; it is then reported at low severity, as a rule that takes effect the moment public access is turned back on.',
  rationale:
    'Anyone can rent a virtual machine or a function in Azure, so this switch lets any Azure tenant — an attacker\'s included — reach the login prompt of a database that holds device and personal data. Only a SQL password then stands in the way, and the connections look like ordinary cloud traffic.',
  remediation: {
    text: 'Delete the rule and let the Azure services that need the database in through virtual network rules, private endpoints or specific addresses; or disable public network access.',
    az: 'az sql server firewall-rule delete --resource-group <resource-group> --server <server> --name AllowAllWindowsAzureIps',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/firewall-configure#connections-from-inside-azure'],
  compliance: { 'cis-azure-3.0': ['5.1.2'], mcsb: ['NS-2'] },
  check(server, context) {
    const ranges = readEach(context.childrenOf(server, SQL_FIREWALL_RULE_TYPE), firewallRange, context);
    const azureWide = ranges.filter(({ value }) => admitsAllOfAzure(value));
    if (azureWide.length === 0) return;
    const publicAccess = serverPublicNetworkAccess(server);
    const dormant = sameText(publicAccess.value, 'Disabled');
    const rules = azureWide.map(({ child }) => `'${child.name}'`);
    context.report({
      message:
        `SQL server '${server.name}' admits connections from every Azure subscription through firewall rule${azureWide.length > 1 ? 's' : ''} ${rules.join(', ')} (0.0.0.0–0.0.0.0)` +
        (dormant ? '; public network access is Disabled, so this takes effect only if it is enabled again.' : '.'),
      evidence: [
        ...azureWide.flatMap(({ child, value }) => [
          { resourceId: child.id, path: 'properties.startIpAddress', value: value.startText },
          { resourceId: child.id, path: 'properties.endIpAddress', value: value.endText },
        ]),
        evidence(publicAccess),
      ],
      ...(dormant ? { severity: 'low' as const } : {}),
    });
  },
});
