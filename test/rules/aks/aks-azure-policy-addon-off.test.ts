import rule from '../../../rules/aks/aks-azure-policy-addon-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'azurepolicy-enabled': {}, 'azurePolicy-camel-case': {} },
  fail: {
    'azurepolicy-disabled': {
      findings: [{ resource: '/managedClusters/aks-fixture', severity: 'low', message: /^AKS cluster 'aks-fixture' does not run the Azure Policy add-on: Kubernetes policies are neither audited nor enforced in it\.$/, evidencePaths: ['properties.addonProfiles.azurepolicy.enabled'] }],
    },
    'addon-profiles-absent': { findings: [{ evidencePaths: ['properties.addonProfiles.azurepolicy.enabled'] }] },
    'other-addons-only': { findings: [{ evidencePaths: ['properties.addonProfiles.azurepolicy.enabled'] }] },
    'azurePolicy-camel-case-disabled': { findings: [{ evidencePaths: ['properties.addonProfiles.azurePolicy.enabled'] }] },
  },
  notEvaluated: {
    'enabled-malformed': { code: 'MalformedProperty', reason: /azurepolicy\.enabled is "yes please"/ },
    'addon-profile-malformed': { code: 'MalformedProperty', reason: /addonProfiles\.azurepolicy is true, expected an object/ },
    'cluster-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
