import rule from '../../../rules/storage/storage-blob-soft-delete-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'soft-delete-enabled': {}, 'soft-delete-enabled-as-string': {} },
  fail: {
    'soft-delete-disabled': {
      findings: [{ resource: '/storageAccounts/stfixture/blobServices/default', message: /^Blob soft delete is off on storage account 'stfixture': deleted and overwritten blobs cannot be recovered\.$/, evidencePaths: ['properties.deleteRetentionPolicy.enabled'] }],
    },
    'retention-policy-absent': { findings: [{ resource: '/blobServices/default', message: /is not set on storage account/ }] },
    'blob-service-absent-where-collected': { findings: [{ resource: '/storageAccounts/stfixture/blobServices/default', message: /has no blob service settings/ }] },
    'one-of-two-accounts': { findings: [{ resource: '/storageAccounts/stfixturelogs/blobServices/default' }] },
  },
  notApplicable: { 'file-storage-account': { reason: /'FileStorage' has no blob service/ } },
  notEvaluated: {
    'blob-service-not-collected': { code: 'NotCollected', reason: /blobServices was not collected/ },
    'blob-service-read-failed': { code: 'AuthorizationFailed' },
    'soft-delete-malformed': { code: 'MalformedProperty', reason: /deleteRetentionPolicy\.enabled is "on"/ },
  },
});
