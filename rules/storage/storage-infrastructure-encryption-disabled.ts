import { evidence } from '../../src/adapters/setting.js';
import { requiresInfrastructureEncryption } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-009',
  name: 'storage-infrastructure-encryption-disabled',
  title: 'Storage account without infrastructure encryption',
  severity: 'low',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s `encryption.requireInfrastructureEncryption` is false or not set (absent means off), so data at rest is encrypted once, at the service level, rather than also at the infrastructure level with a second key and algorithm. Low severity: the data is still encrypted, and the setting can only be chosen when an account is created.',
  rationale:
    'Double encryption protects against one of the two encryption layers, or one of its keys, being compromised. For an account holding personal or regulated data it is the defence-in-depth that auditors ask for; everything else still being equal, its absence is a gap to plan for rather than an emergency.',
  remediation: {
    text: 'Create a new account with infrastructure encryption enabled and move the data to it (for example with AzCopy or object replication); the setting cannot be changed on an existing account.',
    az: 'az storage account create --resource-group <resource-group> --name <new-account> --location <location> --sku Standard_ZRS --kind StorageV2 --require-infrastructure-encryption true',
  },
  references: ['https://learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable'],
  compliance: { 'cis-azure-3.0': ['4.2'], mcsb: ['DP-4'] },
  check(account, context) {
    const required = requiresInfrastructureEncryption(account);
    if (required.value) return;
    context.report({
      message: `Storage account '${account.name}' does not use infrastructure (double) encryption${required.absent ? ' (not set)' : ''}.`,
      evidence: [evidence(required, required.absent ? 'not set; infrastructure encryption is off' : undefined)],
    });
  },
});
