import rule from '../../../rules/aks/aks-api-server-open-to-all-networks.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'authorized-ranges': {}, 'private-cluster': {}, 'private-cluster-public-fqdn': {}, 'private-cluster-ranges-not-read': {} },
  fail: {
    'access-profile-absent': {
      findings: [{ resource: '/managedClusters/aks-fixture', severity: 'high', message: /^AKS cluster 'aks-fixture' has a public API server with no authorized IP ranges: every address can reach it\.$/, evidencePaths: ['properties.apiServerAccessProfile.enablePrivateCluster', 'properties.apiServerAccessProfile.authorizedIPRanges'] }],
    },
    'authorized-ranges-empty': { findings: [{ message: /no authorized IP ranges/ }] },
    'range-admits-every-address': { findings: [{ message: /authorized IP range 0\.0\.0\.0\/0 admits every address\.$/, evidencePaths: ['properties.apiServerAccessProfile.enablePrivateCluster', 'properties.apiServerAccessProfile.authorizedIPRanges[1]'] }] },
  },
  notEvaluated: {
    'authorized-range-malformed': { code: 'MalformedProperty', reason: /authorizedIPRanges\[1\] is "office"/ },
    'access-profile-malformed': { code: 'MalformedProperty', reason: /apiServerAccessProfile is "public", expected an object/ },
    'private-cluster-malformed': { code: 'MalformedProperty', reason: /enablePrivateCluster is "sometimes"/ },
    'cluster-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
