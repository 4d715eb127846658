import rule from '../../../rules/monitor/activity-log-storage-without-cmk.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'archive-account-with-cmk': {}, 'key-source-lowercase': {} },
  fail: {
    'microsoft-managed-keys': {
      findings: [
        {
          resource: '/storageAccounts/stactivitylog',
          severity: 'low',
          message: /^Storage account 'stactivitylog', which diagnostic setting 'activity-log' of subscription 'contoso-fixture' archives the activity log to, is encrypted with Microsoft-managed keys \(keySource 'Microsoft\.Storage'\), not a customer-managed key\.$/,
          evidencePaths: ['properties.encryption.keySource', 'properties.storageAccountId'],
        },
      ],
    },
    'key-source-absent': { findings: [{ message: /keySource 'Microsoft\.Storage'/ }] },
    'one-of-two-archives': { findings: [{ resource: '/storageAccounts/starchive2', message: /diagnostic setting 'second-archive'/ }] },
  },
  notApplicable: {
    'workspace-only': { reason: /^no diagnostic setting of the subscription archives the activity log to a storage account$/ },
    'no-diagnostic-setting': { reason: /archives the activity log/ },
  },
  notEvaluated: {
    'account-not-read': { code: 'NotCollected', reason: /stcentral, which is not among the storage accounts read/ },
    'storage-accounts-not-collected': { code: 'NotCollected', reason: /Microsoft\.Storage\/storageAccounts was not collected/ },
    'storage-accounts-read-forbidden': { code: 'AuthorizationFailed' },
    'diagnostic-settings-not-collected': { code: 'NotCollected', reason: /diagnosticSettings was not collected/ },
    'key-source-malformed': { code: 'MalformedProperty', reason: /^'stactivitylog': properties\.encryption\.keySource is \["Microsoft\.Keyvault"\]/ },
    'storage-account-id-malformed': { code: 'MalformedProperty', reason: /^'activity-log': properties\.storageAccountId is \{/ },
  },
});
