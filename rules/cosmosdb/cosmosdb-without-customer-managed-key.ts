import { COSMOS_DB_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { cosmosKeyVaultKeyUri } from '../../src/adapters/cosmosdb.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-COS-005',
  name: 'cosmosdb-without-customer-managed-key',
  title: 'Cosmos DB account not encrypted with a customer-managed key',
  severity: 'low',
  service: 'cosmosdb',
  resourceTypes: [COSMOS_DB_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s `keyVaultKeyUri` is absent or empty: its data is encrypted at rest only with service-managed keys. Cosmos DB always encrypts data at rest; this rule is for estates whose policy requires keys they hold and can revoke.',
  rationale:
    'With a customer-managed key in Key Vault or Managed HSM the organisation controls the key\'s rotation and can revoke Azure\'s access to the data by disabling it. Some regulations and internal policies require this; where none does, service-managed keys are sufficient, hence the low severity.',
  remediation: {
    text: 'A customer-managed key can be set on an existing account: give the account\'s identity wrap and unwrap access to a key in Key Vault (with purge protection), then set it as the account\'s key.',
    az: 'az cosmosdb update --resource-group <resource-group> --name <account> --key-uri https://<vault>.vault.azure.net/keys/<key>',
  },
  references: ['https://learn.microsoft.com/azure/cosmos-db/how-to-setup-customer-managed-keys'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['DP-5'] },
  check(account, context) {
    const keyUri = cosmosKeyVaultKeyUri(account);
    if (keyUri.value.trim() !== '') return;
    context.report({
      message: `Cosmos DB account '${account.name}' is encrypted with service-managed keys only (no keyVaultKeyUri).`,
      evidence: [evidence(keyUri, keyUri.absent ? 'not set; service-managed keys only' : 'empty; service-managed keys only')],
    });
  },
});
