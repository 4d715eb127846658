import { evidence } from '../../src/adapters/setting.js';
import { httpsOnly } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-004',
  name: 'storage-secure-transfer-disabled',
  title: 'Storage account accepts unencrypted HTTP',
  severity: 'medium',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description: 'The account\'s `supportsHttpsTrafficOnly` is false. Absent means true, the default since API 2019-04-01.',
  rationale: 'Over plain HTTP, requests, SAS tokens and data travel in clear text and can be read or altered on the way.',
  remediation: {
    text: 'Require secure transfer (HTTPS only) on the account, after moving any client that still uses plain HTTP to HTTPS.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --https-only true',
  },
  references: ['https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer'],
  compliance: { 'cis-azure-3.0': ['4.1'], mcsb: ['DP-3'] },
  check(account, context) {
    const https = httpsOnly(account);
    if (https.value) return;
    context.report({
      message: `Storage account '${account.name}' accepts requests over unencrypted HTTP.`,
      evidence: [evidence(https)],
    });
  },
});
