import { evidence } from '../../src/adapters/setting.js';
import { CROSS_TENANT_REPLICATION_DISALLOWED_FROM, crossTenantReplication } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { accountsWithBlobService } from './applicability.js';
import { defineRule } from '../../src/model/rule.js';
import type { Evidence } from '../../src/model/evidence.js';

export default defineRule({
  id: 'AZ-STG-008',
  name: 'storage-cross-tenant-replication-allowed',
  title: 'Storage account allows cross-tenant object replication',
  severity: 'medium',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    `The account's \`allowCrossTenantReplication\` is true, or not set on an account created before ${CROSS_TENANT_REPLICATION_DISALLOWED_FROM} (or whose \`creationTime\` is unknown): Azure's default changed on that date, and older accounts allow cross-tenant replication while the property is null. Not set on a newer account means disallowed. FileStorage accounts, which have no blobs to replicate, are not applicable.`,
  rationale:
    'An object replication policy copies every new and changed blob of a container to another account asynchronously and for good. Allowed across tenants, anyone who can edit the account\'s replication settings can stream the data lake\'s contents into a tenant outside the organisation, without a download ever showing up in the logs.',
  remediation: {
    text: 'Remove any cross-tenant replication policy that is not wanted, then disallow cross-tenant replication on the account.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --allow-cross-tenant-replication false',
  },
  references: ['https://learn.microsoft.com/azure/storage/blobs/object-replication-prevent-cross-tenant-policies'],
  compliance: { 'cis-azure-3.0': ['4.16'], mcsb: [] },
  appliesTo: accountsWithBlobService,
  check(account, context) {
    const { allowed, creationTime } = crossTenantReplication(account);
    if (!allowed.value) return;
    const items: Evidence[] = [
      evidence(allowed, allowed.absent ? `not set; accounts created before ${CROSS_TENANT_REPLICATION_DISALLOWED_FROM} allow cross-tenant replication while it is null` : undefined),
    ];
    let defaultNote = '';
    if (creationTime) {
      items.push(evidence(creationTime, creationTime.absent ? 'creation time unknown; read as an account of the older default' : undefined));
      const age = creationTime.value === undefined ? 'of unknown age' : `created ${creationTime.value.slice(0, 10)}`;
      defaultNote = ` (allowCrossTenantReplication is not set on an account ${age})`;
    }
    context.report({
      message: `Storage account '${account.name}' allows object replication to and from other Microsoft Entra tenants${defaultNote}.`,
      evidence: items,
    });
  },
});
