import rule from '../../../rules/cosmosdb/cosmosdb-without-customer-managed-key.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'customer-managed-key': {} },
  fail: {
    'key-uri-absent': {
      findings: [{ resource: '/databaseAccounts/cosmos-fixture', message: /^Cosmos DB account 'cosmos-fixture' is encrypted with service-managed keys only \(no keyVaultKeyUri\)\.$/, severity: 'low', evidencePaths: ['properties.keyVaultKeyUri'] }],
    },
    'key-uri-empty': { findings: [{ evidencePaths: ['properties.keyVaultKeyUri'] }] },
  },
  notEvaluated: { 'key-uri-malformed': { code: 'MalformedProperty', reason: /properties\.keyVaultKeyUri is/ } },
});
