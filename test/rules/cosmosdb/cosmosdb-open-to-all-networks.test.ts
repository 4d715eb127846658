import rule from '../../../rules/cosmosdb/cosmosdb-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'ip-rules-restrict': {},
    'virtual-network-filter-only': {},
    'public-access-disabled': {},
    'public-access-disabled-malformed-ip-rules': {},
    'portal-addresses-only': {},
  },
  fail: {
    'no-ip-rules-filter-off': {
      findings: [
        {
          resource: '/databaseAccounts/cosmos-fixture',
          message: /^Cosmos DB account 'cosmos-fixture' accepts connections from all networks: public network access Enabled, no IP rules and the virtual network filter is off\.$/,
          severity: 'high',
          evidencePaths: ['properties.publicNetworkAccess', 'properties.ipRules', 'properties.isVirtualNetworkFilterEnabled'],
        },
      ],
    },
    'network-properties-absent': { findings: [{ message: /public network access not set, which means Enabled, no IP rules and the virtual network filter is off\.$/ }] },
    'virtual-network-rules-without-filter': { findings: [{ message: /its 1 virtual network rule\(s\) are not enforced while the filter is off\.$/ }] },
    // With the filter off the subnet rules are not enforced, so malformed ones do not stop the finding.
    'malformed-virtual-network-rule-filter-off': { findings: [{ message: /its 2 virtual network rule\(s\) are not enforced while the filter is off\.$/ }] },
    'azure-datacenters-only': {
      findings: [{ message: /every address in Azure, any customer's: public network access Enabled, IP rule 0\.0\.0\.0 .* and no other IP rule\.$/, severity: 'medium', evidencePaths: ['properties.ipRules[0].ipAddressOrRange'] }],
    },
    'azure-datacenters-with-portal': { findings: [{ message: /IP rule 0\.0\.0\.0 .* besides 4 other IP rule\(s\)\.$/, severity: 'medium', evidencePaths: ['properties.ipRules[4].ipAddressOrRange'] }] },
    'ip-rule-every-address': { findings: [{ message: /IP rule 0\.0\.0\.0\/0 admits every address\.$/, severity: 'high', evidencePaths: ['properties.ipRules[1].ipAddressOrRange'] }] },
    'secured-by-perimeter-no-rules': { findings: [{ message: /public network access SecuredByPerimeter, no IP rules/ }] },
  },
  notEvaluated: {
    'ip-rule-malformed': { code: 'MalformedProperty', reason: /properties\.ipRules\[0\]\.ipAddressOrRange is "203\.0\.113\.0\/40"/ },
    'ip-rules-not-an-array': { code: 'MalformedProperty', reason: /properties\.ipRules is/ },
    'filter-malformed': { code: 'MalformedProperty', reason: /properties\.isVirtualNetworkFilterEnabled is "yes"/ },
    'public-access-malformed': { code: 'MalformedProperty', reason: /properties\.publicNetworkAccess is false/ },
    'accounts-read-failed': { code: 'AuthorizationFailed' },
  },
});
