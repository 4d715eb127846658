import rule from '../../../rules/aks/aks-entra-integration-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'managed-entra': {}, 'legacy-entra-integration': {} },
  fail: {
    'aad-profile-absent': { findings: [{ resource: '/managedClusters/aks-fixture', message: /^AKS cluster 'aks-fixture' is not integrated with Microsoft Entra ID: users sign in with local accounts' client certificates only\.$/, evidencePaths: ['properties.aadProfile'] }] },
    'aad-profile-null': { findings: [{ evidencePaths: ['properties.aadProfile'] }] },
  },
  notEvaluated: {
    'aad-profile-malformed': { code: 'MalformedProperty', reason: /aadProfile is true, expected an object/ },
    'cluster-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
