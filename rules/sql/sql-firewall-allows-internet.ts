import { evidence, sameText } from '../../src/adapters/setting.js';
import { firewallRange, serverPublicNetworkAccess } from '../../src/adapters/sql.js';
import { SQL_FIREWALL_RULE_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';
import { ipv4RangeSize, SLASH_8_SIZE } from '../../src/adapters/addresses.js';

export default defineRule({
  id: 'AZ-SQL-002',
  name: 'sql-firewall-allows-internet',
  title: 'SQL server firewall admits the whole internet',
  severity: 'critical',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_FIREWALL_RULE_TYPE],
  description:
    'A server-level firewall rule admits 0.0.0.0–255.255.255.255, or any range wider than a /8 (more than 16,777,216 addresses). The `AllowAllWindowsAzureIps` rule (0.0.0.0–0.0.0.0) is a different exposure, reported by AZ-SQL-005. When the server\'s public network access is Disabled, firewall rules do not apply; the finding is then reported at low severity, as a rule that takes effect the moment public access is turned back on.',
  rationale:
    'With such a rule the only thing between the internet and the data is a SQL login: password spraying and leaked connection strings are enough. Insider or attacker downloads from anywhere then look like ordinary traffic.',
  remediation: {
    text: 'Delete the rule and add rules for the specific client addresses that need access, or disable public network access and use private endpoints.',
    az: 'az sql server firewall-rule delete --resource-group <resource-group> --server <server> --name <rule>',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/firewall-configure'],
  compliance: { 'cis-azure-3.0': ['5.1.2'], mcsb: ['NS-2'] },
  check(server, context) {
    const ranges = readEach(context.childrenOf(server, SQL_FIREWALL_RULE_TYPE), firewallRange, context);
    const wide = ranges.filter(({ value }) => ipv4RangeSize(value.start, value.end) > SLASH_8_SIZE);
    if (wide.length === 0) return;
    const publicAccess = serverPublicNetworkAccess(server);
    const dormant = sameText(publicAccess.value, 'Disabled');
    const rules = wide.map(({ child, value }) => `'${child.name}' (${value.startText}–${value.endText})`);
    context.report({
      message:
        `SQL server '${server.name}' admits the internet through firewall rule${wide.length > 1 ? 's' : ''} ${rules.join(', ')}` +
        (dormant ? '; public network access is Disabled, so this takes effect only if it is enabled again.' : '.'),
      evidence: [
        ...wide.flatMap(({ child, value }) => [
          { resourceId: child.id, path: 'properties.startIpAddress', value: value.startText },
          { resourceId: child.id, path: 'properties.endIpAddress', value: value.endText },
        ]),
        evidence(publicAccess),
      ],
      ...(dormant ? { severity: 'low' as const } : {}),
    });
  },
});
