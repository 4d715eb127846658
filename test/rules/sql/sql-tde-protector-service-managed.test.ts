import rule from '../../../rules/sql/sql-tde-protector-service-managed.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'customer-managed-key': {},
    'customer-managed-key-lower-case': {},
  },
  fail: {
    'service-managed': { findings: [{ resource: '/servers/sql-fixture', severity: 'medium', message: /^SQL server 'sql-fixture' protects its TDE keys with a service-managed key \(serverKeyType is 'ServiceManaged'\), not a customer-managed key\.$/, evidencePaths: ['properties.serverKeyType'] }] },
    'key-type-absent': { findings: [{ message: /a protector whose key type is not set/ }] },
    'no-protector': { findings: [{ message: /has no encryptionProtector\/current/ }] },
  },
  notEvaluated: {
    'protector-not-collected': { code: 'NotCollected', reason: /encryptionProtector was not collected/ },
    'protector-read-forbidden': { code: 'AuthorizationFailed' },
    'key-type-malformed': { code: 'MalformedProperty', reason: /^properties\.serverKeyType is 2, expected a string/ },
    'key-type-unknown': { code: 'MalformedProperty', reason: /^properties\.serverKeyType is "ManagedHsmPlease", expected ServiceManaged or AzureKeyVault/ },
  },
});
