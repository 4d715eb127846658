import { MYSQL_FIREWALL_RULE_TYPE, MYSQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { reportFlexibleFirewall } from '../shared/flexible-server-firewall.js';
import { MYSQL_SERVER } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-MY-005',
  name: 'mysql-firewall-allows-all-azure',
  title: 'MySQL server firewall admits all of Azure',
  severity: 'high',
  service: 'mysql',
  resourceTypes: [MYSQL_SERVER_TYPE],
  requires: [MYSQL_FIREWALL_RULE_TYPE],
  description:
    'A firewall rule runs from 0.0.0.0 to 0.0.0.0: the "Allow public access from any Azure service within Azure to this server" switch. It admits every address Azure owns, whoever\'s subscription the connection comes from. VNet-integrated servers have no public endpoint and are not applicable; with public access Disabled the finding is reported at low severity, as a rule that takes effect the moment public access is turned back on.',
  rationale:
    'Anyone can rent a virtual machine or a function in Azure, so this switch lets any Azure tenant, an attacker\'s included, reach the login prompt of the database; only a password then stands in the way.',
  remediation: {
    text: 'Delete the rule and let the Azure services that need the server in through private endpoints, VNet integration or their specific outbound addresses; or disable public access.',
    az: 'az mysql flexible-server firewall-rule delete --resource-group <resource-group> --name <server> --rule-name <rule>',
  },
  references: ['https://learn.microsoft.com/azure/mysql/flexible-server/concepts-networking-public'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(server, context) {
    reportFlexibleFirewall('azure', server, context, { firewallRuleType: MYSQL_FIREWALL_RULE_TYPE, what: MYSQL_SERVER });
  },
});
