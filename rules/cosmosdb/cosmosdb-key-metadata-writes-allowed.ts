import { COSMOS_DB_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { cosmosLocalAuthDisabled, keyBasedMetadataWritesDisabled } from '../../src/adapters/cosmosdb.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule, notApplicable } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-COS-004',
  name: 'cosmosdb-key-metadata-writes-allowed',
  title: 'Cosmos DB account lets account keys change metadata',
  severity: 'low',
  service: 'cosmosdb',
  resourceTypes: [COSMOS_DB_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account accepts its keys (`disableLocalAuth` is not true) and its `disableKeyBasedMetadataWriteAccess` is false or not set (absent means false), so a client holding a key can create, change and delete databases and containers and change their throughput through the SDKs, outside Azure RBAC and the activity log. An account with local authentication disabled is not applicable: no key is accepted at all.',
  rationale:
    'Metadata writes decide what exists and what it costs: a leaked key, or a bug in an application that holds one, can delete a container or raise its throughput. With key-based metadata writes disabled those changes go through Azure Resource Manager, where RBAC, locks, policy and the activity log apply.',
  remediation: {
    text: 'Make sure deployments create databases and containers through ARM (templates, Bicep, the CLI or Terraform) rather than through the SDK with a key, then disable key-based metadata writes.',
    az: 'az cosmosdb update --resource-group <resource-group> --name <account> --disable-key-based-metadata-write-access true',
  },
  references: ['https://learn.microsoft.com/azure/cosmos-db/audit-control-plane-logs'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['PA-7'] },
  appliesTo(account) {
    // With local authentication disabled no key is accepted, for data or metadata.
    return !cosmosLocalAuthDisabled(account).value || notApplicable('local authentication is disabled (disableLocalAuth is true): no account key is accepted');
  },
  check(account, context) {
    const disabled = keyBasedMetadataWritesDisabled(account);
    if (disabled.value) return;
    context.report({
      message: `Cosmos DB account '${account.name}' lets account keys create, change and delete databases and containers (disableKeyBasedMetadataWriteAccess is ${disabled.absent ? 'not set' : 'false'}).`,
      evidence: [evidence(disabled, disabled.absent ? 'not set; key-based metadata writes are allowed' : undefined)],
    });
  },
});
