import { evidence, sameText } from '../../src/adapters/setting.js';
import { isNfsV3Enabled, networkDefaultAction, publicNetworkAccess } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { dataLakeAccounts } from './applicability.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-012',
  name: 'datalake-nfsv3-enabled',
  title: 'Data Lake Gen2 account accepts NFS 3.0',
  severity: 'high',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'A Data Lake Storage Gen2 account (`isHnsEnabled` true) has `isNfsV3Enabled` true. NFS 3.0 requests carry no credentials, so network rules are the only protection. The finding is high severity when the account\'s public network access is not Disabled and its network rule set\'s default action is not Deny (Allow, or no `networkAcls`), and medium when the network is restricted (default action Deny, or public access Disabled); the message says which. Accounts without a hierarchical namespace are not applicable.',
  rationale:
    'Over NFS 3.0 a client is whoever its network packets say it is: there is no account key, token or Entra sign-in, and a client claiming uid 0 reads everything. A data lake mounted this way is only as private as the networks allowed to reach it.',
  remediation: {
    text: 'NFS 3.0 can only be chosen when an account is created: keep it only where it is needed, and then set the default network action to Deny with only the virtual networks that mount the account allowed (or use private endpoints); otherwise move the data to an account without NFS 3.0.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --default-action Deny',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/blobs/network-file-system-protocol-support',
    'https://learn.microsoft.com/azure/storage/blobs/network-file-system-protocol-support-how-to',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  appliesTo: dataLakeAccounts,
  check(account, context) {
    const nfs = isNfsV3Enabled(account);
    if (!nfs.value) return;
    const access = publicNetworkAccess(account);
    const defaultAction = networkDefaultAction(account);
    const open = !sameText(access.value, 'Disabled') && !sameText(defaultAction.value, 'Deny');
    const network = sameText(access.value, 'Disabled')
      ? 'public network access is Disabled, so only private endpoints reach it'
      : `default network action ${defaultAction.value}${defaultAction.absent ? ' (no network rules set)' : ''}${open ? ', so every network that can route to it may mount it' : ', so only the networks its rules allow may mount it'}`;
    context.report({
      message: `Data Lake Gen2 account '${account.name}' accepts NFS 3.0, which authenticates nobody; ${network}.`,
      evidence: [evidence(nfs), evidence(access), evidence(defaultAction, defaultAction.absent ? 'no networkAcls; every network is allowed' : undefined)],
      ...(open ? {} : { severity: 'medium' as const }),
    });
  },
});
