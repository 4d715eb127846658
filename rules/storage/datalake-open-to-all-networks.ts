import { evidence, sameText } from '../../src/adapters/setting.js';
import { isHnsEnabled, networkDefaultAction, publicNetworkAccess } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { dataLakeAccounts } from './applicability.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-003',
  name: 'datalake-open-to-all-networks',
  title: 'Data Lake Gen2 account reachable from all networks',
  severity: 'high',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'A Data Lake Storage Gen2 account (`isHnsEnabled` true) has `publicNetworkAccess` other than Disabled and a network rule set whose `defaultAction` is Allow; absent `networkAcls` means Allow. Accounts without a hierarchical namespace are not applicable.',
  rationale:
    'A data lake gathers an organisation\'s raw data in one place. Reachable from every network, it is protected by keys and tokens alone, so one leaked SAS token or account key is enough to download all of it from anywhere.',
  remediation: {
    text: 'Set the account\'s default network action to Deny and allow only the virtual networks and addresses that need it, or disable public network access and use private endpoints.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --default-action Deny',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/common/storage-network-security',
    'https://learn.microsoft.com/azure/storage/blobs/data-lake-storage-introduction',
  ],
  compliance: { 'cis-azure-3.0': ['4.7'], mcsb: ['NS-2'] },
  appliesTo: dataLakeAccounts,
  check(account, context) {
    const hns = isHnsEnabled(account);
    const access = publicNetworkAccess(account);
    if (sameText(access.value, 'Disabled')) return;
    const defaultAction = networkDefaultAction(account);
    if (!sameText(defaultAction.value, 'Allow')) return;
    context.report({
      message: `Data Lake Gen2 account '${account.name}' accepts connections from all networks (public network access ${access.value}, default network action Allow${defaultAction.absent ? ', no network rules set' : ''}).`,
      evidence: [evidence(hns), evidence(access), evidence(defaultAction, defaultAction.absent ? 'no networkAcls; every network is allowed' : undefined)],
    });
  },
});
