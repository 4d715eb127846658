import { archiveStorageAccountId } from '../../src/adapters/diagnostics.js';
import { evidence } from '../../src/adapters/setting.js';
import { encryptionKeySource } from '../../src/adapters/storage.js';
import { idKey, parseArmId } from '../../src/inventory/arm-id.js';
import { DIAGNOSTIC_SETTING_TYPE, STORAGE_ACCOUNT_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-MON-010',
  name: 'activity-log-storage-without-cmk',
  title: 'Activity log storage account without a customer-managed key',
  severity: 'low',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [DIAGNOSTIC_SETTING_TYPE, STORAGE_ACCOUNT_TYPE],
  description:
    'A storage account that one of the subscription\'s own diagnostic settings archives the activity log to (`properties.storageAccountId`) is encrypted with Microsoft-managed keys: its `encryption.keySource` is not `Microsoft.Keyvault`. One finding per such account. A subscription whose activity log goes to no storage account is not applicable; an account azscan did not read is not evaluated.',
  rationale:
    'The archived activity log is the evidence of who changed what in the subscription. Encrypting it with a key you hold lets you decide who can ever decrypt it, revoke that access, and prove with Key Vault\'s own logs who used the key; with Microsoft-managed keys, anyone who can read the account reads the record.',
  remediation: {
    text: 'Encrypt the storage account that receives the activity log with a customer-managed key in a Key Vault with purge protection, using a managed identity of the account.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --encryption-key-source Microsoft.Keyvault --encryption-key-vault <vault-uri> --encryption-key-name <key> --identity-type SystemAssigned',
  },
  references: ['https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview', 'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log'],
  compliance: { 'cis-azure-3.0': ['6.1.3'], mcsb: ['DP-5'] },
  check(subscription, context) {
    const settings = context.childrenOf(subscription, DIAGNOSTIC_SETTING_TYPE);
    const read = readEach(settings, archiveStorageAccountId, context);
    const archives = read.filter(({ value }) => value.value !== undefined && value.value.trim() !== '');
    if (archives.length === 0) {
      // A setting whose storageAccountId cannot be read might archive to an account: left not evaluated.
      if (read.length === settings.length) context.notApplicable('no diagnostic setting of the subscription archives the activity log to a storage account');
      return;
    }
    for (const { child: setting, value: target } of archives) {
      const accountId = target.value!;
      const accountSubscription = parseArmId(accountId).subscriptionId;
      if (accountSubscription === undefined) {
        context.unreadable({ code: 'MalformedProperty', reason: `'${setting.name}': ${target.path} is ${JSON.stringify(accountId)}, expected a storage account id`, resourceId: setting.id, resourceType: setting.type });
        continue;
      }
      // Stops here, not evaluated, when storage accounts were not read for that subscription.
      const account = context.resourcesIn(accountSubscription, STORAGE_ACCOUNT_TYPE).find((candidate) => idKey(candidate.id) === idKey(accountId));
      if (!account) {
        context.unreadable({
          code: 'NotCollected',
          reason: `diagnostic setting '${setting.name}' archives the activity log to ${accountId}, which is not among the storage accounts read (a subscription not scanned, or an account since deleted)`,
          resourceId: accountId,
          resourceType: STORAGE_ACCOUNT_TYPE,
        });
        continue;
      }
      for (const { value: keySource } of readEach([account], encryptionKeySource, context)) {
        if (keySource.value.toLowerCase() === 'microsoft.keyvault') continue;
        context.report({
          resource: { id: account.id, type: account.type, name: account.name },
          message: `Storage account '${account.name}', which diagnostic setting '${setting.name}' of subscription '${subscription.name}' archives the activity log to, is encrypted with Microsoft-managed keys (keySource '${keySource.value}'), not a customer-managed key.`,
          evidence: [evidence(keySource, 'not set; the account uses Microsoft-managed keys'), evidence(target)],
        });
      }
    }
  },
});
