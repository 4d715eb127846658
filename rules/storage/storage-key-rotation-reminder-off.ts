import { evidence } from '../../src/adapters/setting.js';
import { keyExpirationPeriodInDays } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { MalformedProperty } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

interface ReminderOptions {
  readonly maxDays: number;
}

export default defineRule<ReminderOptions>({
  id: 'AZ-STG-015',
  name: 'storage-key-rotation-reminder-off',
  title: 'Storage account without a key rotation reminder',
  severity: 'low',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account has no key expiration policy (`properties.keyPolicy.keyExpirationPeriodInDays` absent), or one longer than the rule\'s `maxDays` option (90 by default): nothing reminds anyone to regenerate its access keys.',
  rationale:
    'Storage account keys grant full access to all of the account\'s data and never expire by themselves. A key expiration policy makes Azure flag keys older than the period (in the portal, Azure Policy and Defender for Cloud), so that rotation happens before a key that leaked long ago is still valid.',
  remediation: {
    text: 'Set a key expiration period of at most 90 days on the account (the keys must have been regenerated once since the feature existed), and rotate the keys when reminded, after moving clients to the other key.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --key-exp-days 90',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage#create-a-key-expiration-policy',
    'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
  ],
  options: {
    schema: (z) => z.strictObject({ maxDays: z.number().int().min(1).default(90) }),
    defaults: { maxDays: 90 },
    describe: ['maxDays: the longest key expiration period that passes, in days (90 by default, as CIS recommends)'],
  },
  compliance: { 'cis-azure-3.0': ['4.3'], mcsb: ['IM-8'] },
  check(account, context) {
    const period = keyExpirationPeriodInDays(account);
    if (period.value !== undefined && (!Number.isInteger(period.value) || period.value < 1)) {
      throw new MalformedProperty(period.path, 'a whole number of days, at least 1', period.raw);
    }
    const { maxDays } = context.options;
    if (period.value !== undefined && period.value <= maxDays) return;
    context.report({
      message: period.value === undefined
        ? `Storage account '${account.name}' has no key rotation reminder: no key expiration policy is set.`
        : `Storage account '${account.name}' reminds to rotate its keys only after ${period.value} days, more than ${maxDays}.`,
      evidence: [evidence(period, period.absent ? 'no key policy: keys are never flagged as due for rotation' : undefined)],
    });
  },
});
