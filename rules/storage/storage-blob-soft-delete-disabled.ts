import { evidence } from '../../src/adapters/setting.js';
import { BLOB_SERVICE_TYPE, blobServiceId, STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { blobSoftDeleteEnabled } from '../../src/adapters/storage.js';
import { accountsWithBlobService } from './applicability.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-010',
  name: 'storage-blob-soft-delete-disabled',
  title: 'Blob soft delete disabled on a storage account',
  severity: 'medium',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [BLOB_SERVICE_TYPE],
  description:
    'The account\'s blob service (`…/blobServices/default`) has `deleteRetentionPolicy.enabled` false or not set (absent means off), or the account has no blob service although blob services were read for every account. The finding names the blob service. FileStorage accounts have no blob service and are not applicable. Container soft delete (`containerDeleteRetentionPolicy`) is not checked.',
  rationale:
    'Without soft delete, a deleted or overwritten blob is gone at once: a script run against the wrong container, or an attacker wiping or encrypting the data lake for ransom, leaves nothing to restore. Soft delete keeps deleted blobs recoverable for the retention period at little cost.',
  remediation: {
    text: 'Enable blob soft delete on the account with a retention period that covers how long a deletion may go unnoticed (7 to 365 days), and enable container soft delete too.',
    az: 'az storage account blob-service-properties update --resource-group <resource-group> --account-name <account> --enable-delete-retention true --delete-retention-days 14',
  },
  references: ['https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview'],
  compliance: { 'cis-azure-3.0': ['4.10'], mcsb: ['BR-1'] },
  appliesTo: accountsWithBlobService,
  check(account, context) {
    const target = { id: blobServiceId(account), type: BLOB_SERVICE_TYPE, name: `${account.name}/default` };
    const blobService = context.childOf(account, BLOB_SERVICE_TYPE, 'default');
    if (!blobService) {
      context.report({
        resource: target,
        message: `Storage account '${account.name}' has no blob service settings, so blob soft delete cannot be shown to be on.`,
        evidence: [{ resourceId: target.id, path: 'properties.deleteRetentionPolicy.enabled', absent: true, note: 'blob services were read for every account and this one has none' }],
      });
      return;
    }
    const softDelete = blobSoftDeleteEnabled(blobService);
    if (softDelete.value) return;
    context.report({
      resource: target,
      message: `Blob soft delete is ${softDelete.absent ? 'not set' : 'off'} on storage account '${account.name}': deleted and overwritten blobs cannot be recovered.`,
      evidence: [evidence(softDelete, softDelete.absent ? 'not set; soft delete is off' : undefined)],
    });
  },
});
