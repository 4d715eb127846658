import { configurationTime } from '../../src/adapters/collection-time.js';
import { readString, type Setting } from '../../src/adapters/setting.js';
import { keyCreationTime } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import type { Evidence } from '../../src/model/evidence.js';
import { MalformedProperty, NotEvaluated } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

interface KeyAgeOptions {
  readonly maxAgeDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a key was made: its recorded creation time, or, where none is recorded, the account's. */
interface KeyAge {
  readonly key: 'key1' | 'key2';
  readonly created: number;
  readonly setting: Setting<string | undefined>;
  /** True when the key has no recorded creation time and dates from the account's creation. */
  readonly fromAccount: boolean;
}

function time(setting: Setting<string | undefined>): number | undefined {
  if (setting.value === undefined) return undefined;
  const parsed = Date.parse(setting.value);
  if (Number.isNaN(parsed)) throw new MalformedProperty(setting.path, 'an ISO 8601 date and time', setting.raw);
  return parsed;
}

/**
 * Azure records a key's creation time whenever a key is created or regenerated; a key with none
 * recorded was created with an account older than that record and never regenerated, so it is
 * as old as the account. Without the account's creation time either, its age is unknown.
 */
function keyAge(account: ArmResource, key: 'key1' | 'key2'): KeyAge {
  const recorded = keyCreationTime(account, key);
  const created = time(recorded);
  if (created !== undefined) return { key, created, setting: recorded, fromAccount: false };
  const accountCreated = readString(account, 'properties.creationTime', undefined);
  const fallback = time(accountCreated);
  if (fallback === undefined) throw new NotEvaluated('KeyAgeUnknown', `${recorded.path} is not recorded and neither is properties.creationTime: the key's age is unknown`);
  return { key, created: fallback, setting: accountCreated, fromAccount: true };
}

function describe(age: KeyAge): string {
  const day = new Date(age.created).toISOString().slice(0, 10);
  return age.fromAccount ? `${age.key} (never regenerated; created with the account on ${day})` : `${age.key} (created ${day})`;
}

function evidenceOf(account: ArmResource, age: KeyAge): Evidence[] {
  if (!age.fromAccount) return [{ resourceId: account.id, path: age.setting.path, value: age.setting.raw }];
  return [
    { resourceId: account.id, path: `properties.keyCreationTime.${age.key}`, absent: true, note: 'no creation time recorded: the key was never regenerated since the account was created' },
    { resourceId: account.id, path: age.setting.path, value: age.setting.raw },
  ];
}

export default defineRule<KeyAgeOptions>({
  id: 'AZ-STG-016',
  name: 'storage-keys-not-regenerated',
  title: 'Storage account keys not regenerated recently',
  severity: 'low',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'One of the account\'s access keys was created more than the rule\'s `maxAgeDays` option (90 by default) before the configuration was read: `properties.keyCreationTime.key1` or `key2`, or, for a key with no recorded time, the account\'s `properties.creationTime`. The age is measured to the snapshot\'s `collectedAt` (a live scan\'s own collection time).',
  rationale:
    'An access key grants full access to all of the account\'s data, and every SAS token signed with it stays valid until the key changes. A key that has not changed in months has had time to be copied into scripts, connection strings, laptops and logs; regenerating it periodically bounds how long a leaked key or a forgotten SAS token works.',
  remediation: {
    text: 'Move clients to the other key (or, better, to Microsoft Entra ID), regenerate the old key, then do the same for the second key; automate rotation, for example with Key Vault and an Azure Function.',
    az: 'az storage account keys renew --resource-group <resource-group> --account-name <account> --key primary',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage#manually-rotate-access-keys',
    'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
  ],
  options: {
    schema: (z) => z.strictObject({ maxAgeDays: z.number().int().min(1).default(90) }),
    defaults: { maxAgeDays: 90 },
    describe: ['maxAgeDays: how many days a key may go without being regenerated (90 by default, as CIS recommends)'],
  },
  compliance: { 'cis-azure-3.0': ['4.4'], mcsb: ['IM-8'] },
  check(account, context) {
    const now = configurationTime(context.inventory).getTime();
    const { maxAgeDays } = context.options;
    const old = (['key1', 'key2'] as const).map((key) => keyAge(account, key)).filter((age) => now - age.created > maxAgeDays * DAY_MS);
    if (old.length === 0) return;
    context.report({
      message: `Storage account '${account.name}' has access keys not regenerated in the ${maxAgeDays} days before the scan: ${old.map(describe).join(', ')}.`,
      evidence: old.flatMap((age) => evidenceOf(account, age)),
    });
  },
});
