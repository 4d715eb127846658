import { evidence } from '../../src/adapters/setting.js';
import { isLocalUserEnabled, isSftpEnabled } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { dataLakeAccounts } from './applicability.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-011',
  name: 'datalake-sftp-local-users-enabled',
  title: 'Data Lake Gen2 account accepts SFTP with local users',
  severity: 'medium',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'A Data Lake Storage Gen2 account (`isHnsEnabled` true) has `isSftpEnabled` true and `isLocalUserEnabled` true or not set: its SFTP endpoint accepts local users, identities that live in the account with their own passwords or SSH keys. Absent `isLocalUserEnabled` is read as enabled, since local users are the only identities SFTP accepts. Accounts without a hierarchical namespace are not applicable.',
  rationale:
    'SFTP local users sit outside Microsoft Entra ID: no multifactor authentication, no conditional access, no central sign-in review. Their passwords and keys are handed to partners and devices and rarely rotated, and they reach data lake containers that often hold a whole project\'s raw data.',
  remediation: {
    text: 'Disable SFTP when it is not needed (it is also billed by the hour); otherwise keep local users to SSH keys, scope each to its own container, restrict the account\'s network access and review the users regularly.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --enable-sftp false --enable-local-user false',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/blobs/secure-file-transfer-protocol-support',
    'https://learn.microsoft.com/azure/storage/blobs/secure-file-transfer-protocol-support-authorize-access',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['IM-1'] },
  appliesTo: dataLakeAccounts,
  check(account, context) {
    const sftp = isSftpEnabled(account);
    if (!sftp.value) return;
    const localUsers = isLocalUserEnabled(account);
    if (!localUsers.value) return;
    context.report({
      message: `Data Lake Gen2 account '${account.name}' accepts SFTP sign-ins from local users${localUsers.absent ? ' (isLocalUserEnabled is not set, which is read as enabled)' : ''}, identities outside Microsoft Entra ID.`,
      evidence: [evidence(sftp), evidence(localUsers, localUsers.absent ? 'not set; read as enabled, as SFTP accepts local users only' : undefined)],
    });
  },
});
