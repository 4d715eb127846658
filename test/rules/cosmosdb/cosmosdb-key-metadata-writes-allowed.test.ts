import rule from '../../../rules/cosmosdb/cosmosdb-key-metadata-writes-allowed.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'metadata-writes-disabled': {} },
  fail: {
    'metadata-writes-allowed': {
      findings: [{ resource: '/databaseAccounts/cosmos-fixture', message: /^Cosmos DB account 'cosmos-fixture' lets account keys create, change and delete databases and containers \(disableKeyBasedMetadataWriteAccess is false\)\.$/, evidencePaths: ['properties.disableKeyBasedMetadataWriteAccess'] }],
    },
    'both-absent': { findings: [{ message: /\(disableKeyBasedMetadataWriteAccess is not set\)\.$/ }] },
  },
  notApplicable: { 'local-auth-disabled': { reason: /local authentication is disabled/ } },
  notEvaluated: {
    'metadata-writes-malformed': { code: 'MalformedProperty', reason: /properties\.disableKeyBasedMetadataWriteAccess is 1/ },
    'local-auth-malformed': { code: 'MalformedProperty', reason: /properties\.disableLocalAuth is "no"/ },
  },
});
