import rule from '../../../rules/sql/sql-firewall-allows-all-azure.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'specific-ranges': {}, 'whole-internet-rule-is-another-rule': {}, 'no-firewall-rules': {} },
  fail: {
    'allow-all-windows-azure-ips': {
      findings: [{ resource: '/servers/sql-fixture', severity: 'high', message: /^SQL server 'sql-fixture' admits connections from every Azure subscription through firewall rule 'AllowAllWindowsAzureIps' \(0\.0\.0\.0–0\.0\.0\.0\)\.$/, evidencePaths: ['properties.startIpAddress', 'properties.endIpAddress', 'properties.publicNetworkAccess'] }],
    },
    'renamed-zero-rule': { findings: [{ message: /firewall rule 'azure-functions'/ }] },
    'public-access-absent': { findings: [{ severity: 'high', message: /\)\.$/ }] },
    'public-access-disabled-reported-low': { findings: [{ severity: 'low', message: /public network access is Disabled, so this takes effect only if it is enabled again\.$/ }] },
    'malformed-rule-does-not-hide-azure-rule': {
      findings: [{ message: /'AllowAllWindowsAzureIps'/ }],
      unread: [{ code: 'MalformedProperty', reason: /^'weird': properties\.startIpAddress is "any"/ }],
    },
    'arm-example-server-get': { findings: [{ resource: '/servers/sqlcrudtest-4645', severity: 'high' }] },
  },
  notEvaluated: {
    'firewall-rules-not-collected': { code: 'NotCollected', reason: /firewallRules was not collected/ },
    'firewall-list-forbidden': { code: 'AuthorizationFailed' },
    'malformed-address': { code: 'MalformedProperty', reason: /^'weird'/ },
    'public-access-malformed': { code: 'MalformedProperty', reason: /publicNetworkAccess is 5/ },
  },
});
