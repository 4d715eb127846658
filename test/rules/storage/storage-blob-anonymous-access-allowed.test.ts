import rule from '../../../rules/storage/storage-blob-anonymous-access-allowed.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'public-access-false': {}, 'public-access-string-false': {} },
  fail: {
    'public-access-true': { findings: [{ message: /allows anonymous blob access\.$/ }] },
    'arm-example-account-absent': { findings: [{ resource: '/storageAccounts/sto8596', message: /is not set, which reads as allowed/ }] },
  },
  notApplicable: { 'file-storage-account': { reason: /FileStorage/ } },
  notEvaluated: { 'public-access-malformed': { code: 'MalformedProperty' } },
});
