import rule from '../../../rules/storage/storage-shared-key-access-allowed.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'shared-key-disallowed': {}, 'shared-key-disallowed-as-string': {} },
  fail: {
    'shared-key-allowed': { findings: [{ resource: '/storageAccounts/stfixture', message: /^Storage account 'stfixture' accepts Shared Key authorization \(account keys and the SAS tokens signed with them\)\.$/, evidencePaths: ['properties.allowSharedKeyAccess'] }] },
    'shared-key-absent': { findings: [{ message: /allowSharedKeyAccess is not set, which means allowed\.$/ }] },
    'arm-example-account': { findings: [{ resource: '/storageAccounts/sto8596' }] },
  },
  notEvaluated: { 'shared-key-malformed': { code: 'MalformedProperty', reason: /allowSharedKeyAccess is "no"/ } },
});
