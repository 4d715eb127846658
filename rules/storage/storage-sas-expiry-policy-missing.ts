import { evidence } from '../../src/adapters/setting.js';
import { periodSeconds, sasExpirationPeriod } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

interface SasOptions {
  readonly maxHours: number;
}

export default defineRule<SasOptions>({
  id: 'AZ-STG-017',
  name: 'storage-sas-expiry-policy-missing',
  title: 'Storage account allows SAS tokens that outlive an hour',
  severity: 'low',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account has no SAS expiration policy (`properties.sasPolicy.sasExpirationPeriod` absent), or one longer than the rule\'s `maxHours` option (1 hour by default, as CIS recommends): account and service SAS tokens of any lifetime are accepted without a trace.',
  rationale:
    'A SAS token is a bearer credential that cannot be revoked one by one: a token signed with an account key stays valid until it expires or the key is regenerated. Tokens with lifetimes of months or years end up in scripts, tickets and device images. An expiration policy makes Azure log (or, with the Block action, refuse) every token that outlives the period, so long-lived tokens are seen and can be phased out.',
  remediation: {
    text: 'Set a SAS expiration period on the account no longer than the tokens your clients need (an hour for CIS), watch the storage logs for tokens that exceed it, then consider the Block action; prefer user delegation SAS signed with Microsoft Entra ID.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --sas-expiration-period 0.01:00:00',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/common/sas-expiration-policy',
    'https://learn.microsoft.com/azure/storage/common/storage-sas-overview',
  ],
  options: {
    schema: (z) => z.strictObject({ maxHours: z.number().positive().default(1) }),
    defaults: { maxHours: 1 },
    describe: ['maxHours: the longest SAS expiration period that passes, in hours (1 by default, as CIS recommends)'],
  },
  compliance: { 'cis-azure-3.0': ['4.5'], mcsb: ['IM-8'] },
  check(account, context) {
    const period = sasExpirationPeriod(account);
    const seconds = periodSeconds(period);
    const { maxHours } = context.options;
    if (seconds !== undefined && seconds <= maxHours * 3600) return;
    const limit = `${maxHours} hour${maxHours === 1 ? '' : 's'}`;
    context.report({
      message: seconds === undefined
        ? `Storage account '${account.name}' has no SAS expiration policy: SAS tokens of any lifetime are accepted.`
        : `Storage account '${account.name}' allows SAS tokens valid for up to ${period.value}, more than ${limit}.`,
      evidence: [evidence(period, period.absent ? 'no SAS policy: no upper limit on SAS lifetimes' : undefined)],
    });
  },
});
