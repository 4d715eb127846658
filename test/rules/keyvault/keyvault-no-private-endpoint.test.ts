import rule from '../../../rules/keyvault/keyvault-no-private-endpoint.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'approved-endpoint': {}, 'approved-beside-rejected-lowercase': {} },
  fail: {
    'no-private-endpoint': {
      findings: [{ resource: '/vaults/kv-fixture', severity: 'low', message: /^Key Vault 'kv-fixture' has no private endpoint: its clients reach it through its public endpoint\.$/, evidencePaths: ['properties.privateEndpointConnections'] }],
    },
    'empty-connection-list': { findings: [{ message: /has no private endpoint:/ }] },
    'only-pending': { findings: [{ message: /^Key Vault 'kv-fixture' has no approved private endpoint: its connections are 'Pending'\.$/ }] },
    'public-access-disabled-without-endpoint': { findings: [{ message: /has no private endpoint/ }] },
  },
  notEvaluated: {
    'connections-malformed': { code: 'MalformedProperty', reason: /properties\.privateEndpointConnections is \{/ },
    'status-malformed': { code: 'MalformedProperty', reason: /^properties\.privateEndpointConnections\[0\]\.properties\.privateLinkServiceConnectionState\.status is true/ },
    'vault-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
