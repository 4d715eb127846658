import rule from '../../../rules/storage/storage-keys-not-regenerated.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'both-keys-recent': {}, 'old-key-allowed-by-option': { options: { maxAgeDays: 365 } }, 'new-account-recent-keys': {} },
  fail: {
    'one-key-old': {
      findings: [{ resource: '/storageAccounts/stfixture', severity: 'low', message: /^Storage account 'stfixture' has access keys not regenerated in the 90 days before the scan: key1 \(created 2025-03-01\)\.$/, evidencePaths: ['properties.keyCreationTime.key1'] }],
    },
    'both-keys-old': { findings: [{ message: /: key1 \(created 2024-06-01\), key2 \(created 2024-06-01\)\.$/, evidencePaths: ['properties.keyCreationTime.key1', 'properties.keyCreationTime.key2'] }] },
    'no-creation-time-recorded': {
      findings: [{ message: /key1 \(never regenerated; created with the account on 2019-03-01\), key2 \(never regenerated; created with the account on 2019-03-01\)\.$/, evidencePaths: ['properties.keyCreationTime.key1', 'properties.creationTime', 'properties.keyCreationTime.key2'] }],
    },
    'key-creation-time-absent': { findings: [{ message: /never regenerated; created with the account on 2019-03-01/ }] },
  },
  notEvaluated: {
    'key-time-malformed': { code: 'MalformedProperty', reason: /^properties\.keyCreationTime\.key1 is "last spring", expected an ISO 8601 date and time$/ },
    'no-time-for-key-or-account': { code: 'KeyAgeUnknown', reason: /^properties\.keyCreationTime\.key1 is not recorded and neither is properties\.creationTime/ },
    'snapshot-without-collected-at': { code: 'NoCollectionTime', reason: /no collectedAt/ },
  },
});
