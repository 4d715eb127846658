import rule from '../../../rules/redis/redis-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'firewall-rules-restrict': {}, 'public-access-disabled': {}, 'public-access-disabled-rules-not-collected': {}, 'virtual-network-injected': {} },
  fail: {
    'no-firewall-rules': {
      findings: [
        {
          resource: '/Redis/redis-fixture',
          message: /^Redis cache 'redis-fixture' accepts connections from all networks: public network access Enabled, not in a virtual network, and no firewall rules\.$/,
          severity: 'high',
          evidencePaths: ['properties.publicNetworkAccess', 'properties.subnetId', 'properties.startIP'],
        },
      ],
    },
    'public-access-absent-no-rules': { findings: [{ message: /public network access not set, which means Enabled, not in a virtual network, and no firewall rules\.$/ }] },
    'rule-admits-every-address': {
      findings: [{ message: /firewall rule 'allow-all' \(0\.0\.0\.0–255\.255\.255\.255\) admits every address\.$/, evidencePaths: ['properties.startIP', 'properties.endIP'] }],
    },
    'every-address-beside-malformed-rule': {
      findings: [{ message: /'allow-all' \(0\.0\.0\.0–255\.255\.255\.255\) admits every address\.$/ }],
      unread: [{ code: 'MalformedProperty', reason: /'broken': properties\.endIP is "not-an-ip"/ }],
    },
  },
  notEvaluated: {
    'firewall-rules-not-collected': { code: 'NotCollected', reason: /firewallRules was not collected/ },
    'firewall-rules-read-failed': { code: 'AuthorizationFailed' },
    'firewall-rule-malformed': { code: 'MalformedProperty', reason: /'broken': properties\.endIP is "203\.0\.113\.1", expected an IPv4 address not below startIP/ },
    'subnet-id-malformed': { code: 'MalformedProperty', reason: /properties\.subnetId is/ },
    'public-access-malformed': { code: 'MalformedProperty', reason: /properties\.publicNetworkAccess is true/ },
  },
});
