import rule from '../../../rules/aks/aks-kubernetes-rbac-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'rbac-enabled': {}, 'rbac-absent': {} },
  fail: {
    'rbac-disabled': { findings: [{ resource: '/managedClusters/aks-fixture', severity: 'high', message: /^AKS cluster 'aks-fixture' has Kubernetes RBAC disabled: every authenticated caller has full access to the cluster\.$/, evidencePaths: ['properties.enableRBAC'] }] },
    'rbac-disabled-as-string': { findings: [{ evidencePaths: ['properties.enableRBAC'] }] },
  },
  notEvaluated: {
    'rbac-malformed': { code: 'MalformedProperty', reason: /enableRBAC is "off"/ },
    'cluster-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
