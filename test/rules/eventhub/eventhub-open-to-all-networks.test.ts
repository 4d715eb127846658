import rule from '../../../rules/eventhub/eventhub-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'deny-with-ip-rules': {}, 'deny-with-virtual-network-rule-only': {}, 'rule-set-public-access-disabled': {}, 'namespace-disabled-rule-set-not-read': {} },
  fail: {
    'default-action-allow': {
      findings: [{ resource: '/namespaces/evhns-fixture', message: /^Event Hubs namespace 'evhns-fixture' accepts connections from all networks: public network access Enabled, default action Allow\.$/, evidencePaths: ['properties.publicNetworkAccess', 'properties.defaultAction'] }],
    },
    'default-action-absent': { findings: [{ message: /default action Allow \(not set\)\.$/ }] },
    'deny-without-rules-not-enforced': { findings: [{ message: /default action Deny with no IP or virtual network rules, which Event Hubs does not enforce\.$/, evidencePaths: ['properties.ipRules', 'properties.virtualNetworkRules'] }] },
    'ip-rule-admits-every-address': { findings: [{ message: /IP rule 0\.0\.0\.0\/0 admits every address\.$/ }] },
    'namespace-access-absent': { findings: [{ message: /public network access not set, which means Enabled, default action allow\.$/ }] },
    'rule-set-absent-where-collected': { findings: [{ message: /it has no network rule set\.$/ }] },
    'default-allow-with-malformed-ip-rule': { findings: [{ message: /default action Allow\.$/ }] },
  },
  notEvaluated: {
    'rule-set-not-collected': { code: 'NotCollected', reason: /networkRuleSets was not collected/ },
    'rule-set-read-failed': { code: 'ResourceNotFound' },
    'ip-rule-malformed': { code: 'MalformedProperty', reason: /properties\.ipRules\[0\]/ },
    'default-action-malformed': { code: 'MalformedProperty', reason: /defaultAction is false/ },
  },
});
