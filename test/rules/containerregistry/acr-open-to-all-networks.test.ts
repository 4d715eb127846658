import rule from '../../../rules/containerregistry/acr-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'deny-with-ip-rules': {}, 'deny-without-rules': {}, 'public-access-disabled': {}, 'public-access-disabled-rule-set-malformed': {} },
  fail: {
    'default-action-allow': {
      findings: [{ resource: '/registries/crfixture', message: /^Container registry 'crfixture' accepts connections from all networks: public network access Enabled, default action Allow\.$/, evidencePaths: ['properties.publicNetworkAccess', 'properties.networkRuleSet.defaultAction'] }],
    },
    'standard-sku-no-rule-set': { findings: [{ message: /public network access not set, which means Enabled, default action Allow \(not set\); the Standard SKU has no network rules\.$/ }] },
    'ip-rule-admits-every-address': { findings: [{ message: /IP rule 0\.0\.0\.0\/0 admits every address\.$/, evidencePaths: ['properties.publicNetworkAccess', 'properties.networkRuleSet.defaultAction', 'properties.networkRuleSet.ipRules[1].value'] }] },
    'allow-with-malformed-ip-rule': { findings: [{ message: /default action Allow\.$/ }] },
  },
  notEvaluated: {
    'ip-rule-malformed': { code: 'MalformedProperty', reason: /ipRules\[0\] is \{"action":"Allow","value":"office"\}/ },
    'default-action-malformed': { code: 'MalformedProperty', reason: /defaultAction is false/ },
    'rule-set-malformed': { code: 'MalformedProperty', reason: /networkRuleSet is "Deny", expected an object/ },
    'public-access-malformed': { code: 'MalformedProperty', reason: /publicNetworkAccess is true/ },
    'registry-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
