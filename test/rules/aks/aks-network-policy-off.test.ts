import rule from '../../../rules/aks/aks-network-policy-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { calico: {}, 'azure-network-policy': {}, 'cilium-policy': {}, 'cilium-dataplane-policy-absent': {} },
  fail: {
    'policy-none': {
      findings: [{ resource: '/managedClusters/aks-fixture', message: /^AKS cluster 'aks-fixture' enforces no network policy: network policy none, dataplane azure\.$/, evidencePaths: ['properties.networkProfile.networkPolicy', 'properties.networkProfile.networkDataplane'] }],
    },
    'policy-absent-kubenet': { findings: [{ message: /network policy not set, which means none, dataplane azure \(not set\)\.$/ }] },
    'cilium-dataplane-policy-none': { findings: [{ message: /network policy None, dataplane cilium\.$/ }] },
    'network-profile-absent': { findings: [{ message: /network policy not set, which means none/ }] },
  },
  notEvaluated: {
    'policy-malformed': { code: 'MalformedProperty', reason: /networkPolicy is false/ },
    'network-profile-malformed': { code: 'MalformedProperty', reason: /networkProfile is \["calico"\], expected an object/ },
    'dataplane-malformed': { code: 'MalformedProperty', reason: /networkDataplane is 7/ },
    'cluster-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
