import rule from '../../../rules/aks/aks-local-accounts-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'local-accounts-disabled': {}, 'disabled-as-string': {} },
  fail: {
    'local-accounts-enabled': { findings: [{ resource: '/managedClusters/aks-fixture', message: /^AKS cluster 'aks-fixture' has local accounts enabled: a static cluster-admin client certificate can be fetched\.$/, evidencePaths: ['properties.disableLocalAccounts'] }] },
    'local-accounts-absent': { findings: [{ evidencePaths: ['properties.disableLocalAccounts'] }] },
  },
  notEvaluated: {
    'local-accounts-malformed': { code: 'MalformedProperty', reason: /disableLocalAccounts is 1/ },
    'cluster-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
