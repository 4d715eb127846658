import rule from '../../../rules/mysql/mysql-firewall-allows-all-azure.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'specific-ranges': {},
    'no-firewall-rules': {},
    'whole-internet-rule-is-another-rule': {},
  },
  fail: {
    'allow-all-azure-rule': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'high', message: /^MySQL flexible server 'mysql-fixture' admits connections from every Azure subscription through firewall rule 'AllowAllAzureServicesAndResourcesWithinAzureIps_2024-5-2_10-3-44' \(0\.0\.0\.0–0\.0\.0\.0\)\.$/, evidencePaths: ['properties.startIpAddress', 'properties.endIpAddress', 'properties.network.publicNetworkAccess'] }] },
    'renamed-zero-rule': { findings: [{ message: /firewall rule 'azure-functions'/ }] },
    'public-access-absent': { findings: [{ severity: 'high', message: /\)\.$/ }] },
    'public-access-disabled-reported-low': { findings: [{ severity: 'low', message: /; its public network access is Disabled, so this takes effect only if it is enabled again\.$/ }] },
    'malformed-rule-does-not-hide-others': { findings: [{ message: /'AllowAllAzureServicesAndResourcesWithinAzureIps_2024-5-2_10-3-44'/ }], unread: [{ code: 'MalformedProperty', reason: /^'weird': properties\.startIpAddress is "any"/ }] },
  },
  notApplicable: {
    'vnet-integrated': { reason: /is VNet-integrated \(private access\): it has no public endpoint and no firewall rules$/ },
    'vnet-integrated-rules-not-read': { reason: /VNet-integrated/ },
  },
  notEvaluated: {
    'firewall-rules-not-collected': { code: 'NotCollected', reason: /firewallRules was not collected/ },
    'firewall-list-forbidden': { code: 'AuthorizationFailed' },
    'malformed-address': { code: 'MalformedProperty', reason: /^'weird': properties\.endIpAddress is "everything"/ },
    'public-access-malformed': { code: 'MalformedProperty', reason: /^properties\.network\.publicNetworkAccess is 5/ },
    'network-malformed': { code: 'MalformedProperty', reason: /^properties\.network is "Enabled", expected an object/ },
  },
});
