import { evidence } from '../../src/adapters/setting.js';
import { allowsBlobPublicAccess } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { accountsWithBlobService } from './applicability.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-001',
  name: 'storage-blob-anonymous-access-allowed',
  title: 'Storage account allows anonymous blob access',
  severity: 'high',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s `allowBlobPublicAccess` is true or not set. Absent is read as allowed, as Azure Policy\'s built-in definition reads it: the property arrived in API 2019-04-01 and older accounts do not report it.',
  rationale:
    'While the account allows it, any container can be made public by anyone with write access to the container\'s settings, and its blobs are then readable by anyone who knows or guesses the URL — no key, no log-in, no alert.',
  remediation: {
    text: 'Disallow anonymous blob access on the account; it overrides every container\'s own setting.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --allow-blob-public-access false',
  },
  references: ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent'],
  compliance: { 'cis-azure-3.0': ['4.17'], mcsb: ['NS-2'] },
  appliesTo: accountsWithBlobService,
  check(account, context) {
    const allowed = allowsBlobPublicAccess(account);
    if (!allowed.value) return;
    context.report({
      message: `Storage account '${account.name}' allows anonymous blob access${allowed.absent ? ' (allowBlobPublicAccess is not set, which reads as allowed)' : ''}.`,
      evidence: [evidence(allowed, allowed.absent ? 'not set; read as allowed, as Azure Policy does' : undefined)],
    });
  },
});
