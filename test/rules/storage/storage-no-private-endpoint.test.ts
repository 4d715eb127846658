import rule from '../../../rules/storage/storage-no-private-endpoint.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'approved-endpoint': {}, 'one-approved-among-pending': {} },
  fail: {
    'no-connections': {
      findings: [{ resource: '/storageAccounts/stfixture', severity: 'low', message: /^Storage account 'stfixture' has no private endpoint: clients reach it over its public endpoint only\.$/, evidencePaths: ['properties.privateEndpointConnections'] }],
    },
    'empty-connections': { findings: [{ message: /has no private endpoint:/ }] },
    'pending-and-rejected': {
      findings: [{
        message: /has no approved private endpoint: 'pe-blob' is Pending, 'pe-dfs' is Rejected\.$/,
        evidencePaths: ['properties.privateEndpointConnections[0].properties.privateLinkServiceConnectionState.status', 'properties.privateEndpointConnections[1].properties.privateLinkServiceConnectionState.status'],
      }],
    },
  },
  notEvaluated: {
    'connections-not-an-array': { code: 'MalformedProperty', reason: /^properties\.privateEndpointConnections is \{"pe-blob":"Approved"\}, expected an array$/ },
    'status-malformed': { code: 'MalformedProperty', reason: /^properties\.privateEndpointConnections\[0\]\.properties\.privateLinkServiceConnectionState\.status is true/ },
    'account-list-read-failed': { code: 'AuthorizationFailed' },
  },
});
