import rule from '../../../rules/cosmosdb/cosmosdb-without-private-endpoint.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'approved-connection': {}, 'approved-beside-malformed': {} },
  fail: {
    'no-connections': {
      findings: [{ resource: '/databaseAccounts/cosmos-fixture', message: /^Cosmos DB account 'cosmos-fixture' has no approved private endpoint connection\.$/, severity: 'low', evidencePaths: ['properties.privateEndpointConnections'] }],
    },
    'connections-absent': { findings: [{ message: /has no approved private endpoint connection\.$/ }] },
    'only-pending-connection': { findings: [{ message: /; connections: 'pe-pending' \(Pending\)\.$/ }] },
  },
  notEvaluated: {
    'connection-malformed': { code: 'MalformedProperty', reason: /properties\.privateEndpointConnections\[0\]/ },
    'connections-not-an-array': { code: 'MalformedProperty', reason: /properties\.privateEndpointConnections is/ },
    'accounts-read-failed': { code: 'AuthorizationFailed' },
  },
});
