import { evidence } from '../../src/adapters/setting.js';
import { allowsSharedKeyAccess } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-007',
  name: 'storage-shared-key-access-allowed',
  title: 'Storage account accepts Shared Key authorization',
  severity: 'medium',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s `allowSharedKeyAccess` is true or not set; absent means allowed ("null, which is equivalent to true"). Requests signed with an account key, and the account and service SAS tokens made from it, are then accepted beside Microsoft Entra ID.',
  rationale:
    'An account key is a password to every blob, file, queue and table in the account, with no identity attached and no expiry; it ends up in device firmware, scripts and connection strings, and every SAS token signed with it stays valid until the key is rotated. Entra ID lets each device service and person be given, and lose, only the access it needs.',
  remediation: {
    text: 'Move clients to Microsoft Entra ID (managed identities, user delegation SAS), check the account\'s Shared Key requests in its logs have stopped, then disallow Shared Key authorization.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --allow-shared-key-access false',
  },
  references: ['https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  check(account, context) {
    const allowed = allowsSharedKeyAccess(account);
    if (!allowed.value) return;
    context.report({
      message: `Storage account '${account.name}' accepts Shared Key authorization (account keys and the SAS tokens signed with them)${allowed.absent ? '; allowSharedKeyAccess is not set, which means allowed' : ''}.`,
      evidence: [evidence(allowed, allowed.absent ? 'not set; null is equivalent to true' : undefined)],
    });
  },
});
