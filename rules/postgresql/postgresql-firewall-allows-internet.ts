import { POSTGRESQL_FIREWALL_RULE_TYPE, POSTGRESQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';
import { reportFlexibleFirewall } from '../shared/flexible-server-firewall.js';
import { POSTGRESQL_SERVER } from '../shared/server-parameter.js';

export default defineRule({
  id: 'AZ-PG-006',
  name: 'postgresql-firewall-allows-internet',
  title: 'PostgreSQL server firewall admits the whole internet',
  severity: 'critical',
  service: 'postgresql',
  resourceTypes: [POSTGRESQL_SERVER_TYPE],
  requires: [POSTGRESQL_FIREWALL_RULE_TYPE],
  description:
    'The server\'s firewall rules admit the whole IPv4 internet: a rule from 0.0.0.0 to 255.255.255.255, or rules that together cover every address. The 0.0.0.0–0.0.0.0 rule (all of Azure) is reported by the all-Azure rule. VNet-integrated servers have no public endpoint and are not applicable; with public access Disabled the finding is reported at low severity, as a rule that takes effect the moment public access is turned back on.',
  rationale:
    'With such a rule the only thing between the internet and the data is a database password: password spraying, leaked connection strings and unpatched authentication bugs are all within reach of anyone.',
  remediation: {
    text: 'Delete the rule and add rules for the specific client addresses that need access, or disable public access and use private endpoints.',
    az: 'az postgres flexible-server firewall-rule delete --resource-group <resource-group> --name <server> --rule-name <rule>',
  },
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-firewall-rules', 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-public'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(server, context) {
    reportFlexibleFirewall('internet', server, context, { firewallRuleType: POSTGRESQL_FIREWALL_RULE_TYPE, what: POSTGRESQL_SERVER });
  },
});
