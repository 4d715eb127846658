import { evidence, sameText } from '../../src/adapters/setting.js';
import { allowsBlobPublicAccess, containerPublicAccess } from '../../src/adapters/storage.js';
import { BLOB_CONTAINER_TYPE, blobServiceId, STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { accountsWithBlobService } from './applicability.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-002',
  name: 'storage-container-public',
  title: 'Blob container readable anonymously',
  severity: 'critical',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [BLOB_CONTAINER_TYPE],
  description:
    'A container\'s `publicAccess` is Blob or Container while its account allows anonymous access (as AZ-STG-001 reads it). One finding per public container. An account that disallows anonymous access passes without its containers being read: the account setting overrides them.',
  rationale:
    'A public container serves its blobs to anyone on the internet: Container level even lists them. Exports, backups and device uploads left in such containers are a classic source of data leaks.',
  remediation: {
    text: 'Set the container\'s access level to private, and disallow anonymous access on the account so no container can be made public again.',
    az: 'az storage container set-permission --account-name <account> --name <container> --public-access off --auth-mode login',
  },
  references: ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure'],
  compliance: { 'cis-azure-3.0': ['4.17'], mcsb: ['NS-2'] },
  appliesTo: accountsWithBlobService,
  check(account, context) {
    const allowed = allowsBlobPublicAccess(account);
    if (!allowed.value) return;
    const containers = context.childrenOf(blobServiceId(account), BLOB_CONTAINER_TYPE);
    for (const { child: container, value: access } of readEach(containers, containerPublicAccess, context)) {
      if (!sameText(access.value, 'Blob') && !sameText(access.value, 'Container')) continue;
      context.report({
        resource: { id: container.id, type: container.type, name: `${account.name}/${container.name}` },
        message:
          `Container '${container.name}' in storage account '${account.name}' is readable anonymously (public access level '${access.value}'` +
          `${sameText(access.value, 'Container') ? ', blobs can be listed' : ''}).`,
        evidence: [evidence(access), evidence(allowed, allowed.absent ? 'not set; read as allowed' : undefined)],
      });
    }
  },
});
