import rule from '../../../rules/cosmosdb/cosmosdb-local-auth-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'local-auth-disabled': {}, 'local-auth-disabled-as-string': {} },
  fail: {
    'local-auth-enabled': {
      findings: [{ resource: '/databaseAccounts/cosmos-fixture', message: /^Cosmos DB account 'cosmos-fixture' accepts its account keys on the data plane \(local authentication is enabled\)\.$/, evidencePaths: ['properties.disableLocalAuth'] }],
    },
    'local-auth-absent': { findings: [{ message: /disableLocalAuth is not set\)\.$/ }] },
  },
  notEvaluated: {
    'local-auth-malformed': { code: 'MalformedProperty', reason: /properties\.disableLocalAuth is "yes"/ },
    'accounts-read-failed': { code: 'AuthorizationFailed' },
  },
});
