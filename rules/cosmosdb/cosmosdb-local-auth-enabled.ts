import { COSMOS_DB_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { cosmosLocalAuthDisabled } from '../../src/adapters/cosmosdb.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-COS-003',
  name: 'cosmosdb-local-auth-enabled',
  title: 'Cosmos DB account accepts account keys',
  severity: 'medium',
  service: 'cosmosdb',
  resourceTypes: [COSMOS_DB_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s `disableLocalAuth` is false or not set (absent means false), so its primary and secondary keys, and resource tokens made with them, are accepted on the data plane as well as Microsoft Entra ID.',
  rationale:
    'An account key is a shared secret with full read and write access to every database and container of the account. It is copied into connection strings, app settings and pipelines, it says nothing about who used it, and a leaked key works until it is rotated. Microsoft Entra ID with Cosmos DB data-plane roles gives each application its own identity and least privilege.',
  remediation: {
    text: 'Move applications to Microsoft Entra ID (managed identities with Cosmos DB built-in data roles), check the account\'s metrics for key-based requests, then disable local authentication.',
    az: 'az resource update --ids <account-id> --set properties.disableLocalAuth=true',
  },
  references: ['https://learn.microsoft.com/azure/cosmos-db/how-to-setup-rbac'],
  compliance: { 'cis-azure-3.0': ['5.4.3'], mcsb: ['IM-1'] },
  check(account, context) {
    const disabled = cosmosLocalAuthDisabled(account);
    if (disabled.value) return;
    context.report({
      message: `Cosmos DB account '${account.name}' accepts its account keys on the data plane (local authentication is ${disabled.absent ? 'not disabled: disableLocalAuth is not set' : 'enabled'}).`,
      evidence: [evidence(disabled, disabled.absent ? 'not set; account keys are accepted' : undefined)],
    });
  },
});
