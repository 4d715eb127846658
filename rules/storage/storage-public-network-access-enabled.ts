import { evidence, sameText } from '../../src/adapters/setting.js';
import { networkDefaultAction, publicNetworkAccess } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-006',
  name: 'storage-public-network-access-enabled',
  title: 'Storage account reachable over its public endpoint',
  severity: 'medium',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s `publicNetworkAccess` is not Disabled; absent means Enabled. The message says what the network rule set then allows: with `networkAcls.defaultAction` Allow (or no `networkAcls`) every network reaches the account; with Deny only the networks its rules name, and the finding is reported at low severity, as is `SecuredByPerimeter` (access decided by a network security perimeter).',
  rationale:
    'Storage accounts hold the raw telemetry, exports and backups of an IoT backend. Reachable over the public endpoint, they are protected by keys, SAS tokens and firewall rules alone; one leaked SAS token is then usable from anywhere the firewall lets in. Private endpoints with public access disabled take the account off the internet altogether.',
  remediation: {
    text: 'Give clients private endpoints (or at least restrict the firewall to known networks), then disable public network access on the account.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --public-network-access Disabled',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/common/storage-network-security',
    'https://learn.microsoft.com/azure/storage/common/storage-private-endpoints',
  ],
  compliance: { 'cis-azure-3.0': ['4.6'], mcsb: ['NS-2'] },
  check(account, context) {
    const access = publicNetworkAccess(account);
    if (sameText(access.value, 'Disabled')) return;
    const defaultAction = networkDefaultAction(account);
    const perimeter = sameText(access.value, 'SecuredByPerimeter');
    const allowAll = !perimeter && !sameText(defaultAction.value, 'Deny');
    const reach = perimeter
      ? 'its network security perimeter decides who reaches it'
      : allowAll
        ? `default network action ${defaultAction.value}${defaultAction.absent ? ' (no network rules set)' : ''}: every network reaches it`
        : `default network action ${defaultAction.value}: only the networks its firewall rules allow reach it`;
    context.report({
      message: `Storage account '${account.name}' is reachable over its public endpoint (public network access ${access.absent ? 'not set, which means Enabled' : access.value}); ${reach}.`,
      evidence: [evidence(access), evidence(defaultAction, defaultAction.absent ? 'no networkAcls; every network is allowed' : undefined)],
      ...(allowAll ? {} : { severity: 'low' as const }),
    });
  },
});
