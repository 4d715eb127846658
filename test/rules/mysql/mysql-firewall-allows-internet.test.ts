import rule from '../../../rules/mysql/mysql-firewall-allows-internet.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'specific-ranges': {},
    'no-firewall-rules': {},
    'all-azure-rule-is-another-rule': {},
    'wide-range-short-of-everything': {},
  },
  fail: {
    'whole-ipv4-rule': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'critical', message: /^MySQL flexible server 'mysql-fixture' admits the whole internet through firewall rule 'AllowAll' \(0\.0\.0\.0–255\.255\.255\.255, 4,294,967,296 addresses\)\.$/, evidencePaths: ['properties.startIpAddress', 'properties.endIpAddress', 'properties.network.publicNetworkAccess'] }] },
    'split-ranges-cover-everything': { findings: [{ message: /firewall rules 'lower' \(0\.0\.0\.1–127\.255\.255\.255, 2,147,483,647 addresses\), 'upper' \(128\.0\.0\.0–255\.255\.255\.255, 2,147,483,648 addresses\)\.$/ }] },
    'public-access-absent': { findings: [{ severity: 'critical', message: /\)\.$/ }] },
    'public-access-disabled-reported-low': { findings: [{ severity: 'low', message: /; its public network access is Disabled, so this takes effect only if it is enabled again\.$/ }] },
    'malformed-rule-does-not-hide-others': { findings: [{ message: /'AllowAll'/ }], unread: [{ code: 'MalformedProperty', reason: /^'weird': properties\.startIpAddress is "any"/ }] },
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
