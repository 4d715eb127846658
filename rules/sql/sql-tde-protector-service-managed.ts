import { encryptionProtectorKeyType } from '../../src/adapters/sql.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { SQL_ENCRYPTION_PROTECTOR_TYPE, SQL_SERVER_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-SQL-011',
  name: 'sql-tde-protector-service-managed',
  title: 'SQL server TDE protector is not a customer-managed key',
  severity: 'medium',
  service: 'sql',
  resourceTypes: [SQL_SERVER_TYPE],
  requires: [SQL_ENCRYPTION_PROTECTOR_TYPE],
  description:
    'The server\'s transparent data encryption protector (`encryptionProtector/current`) is service-managed (`serverKeyType` ServiceManaged) rather than a customer-managed key in Azure Key Vault (`AzureKeyVault`), so Microsoft holds the key that protects every database encryption key on the server.',
  rationale:
    'With a customer-managed TDE protector the organisation controls the key: it can rotate it on its own schedule, audit every use of it in Key Vault, and revoke it to make the data unreadable. Regulations and data-residency commitments often ask for that control over personal data at rest.',
  remediation: {
    text: 'Create or import a key in Azure Key Vault (soft delete and purge protection on), give the server\'s identity get, wrapKey and unwrapKey on it, add it to the server and set it as the TDE protector.',
    az: 'az sql server tde-key set --resource-group <resource-group> --server <server> --server-key-type AzureKeyVault --kid <key-id>',
  },
  references: ['https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-byok-overview'],
  compliance: { 'cis-azure-3.0': ['5.1.3'], mcsb: ['DP-5'] },
  check(server, context) {
    const protector = context.childOf(server, SQL_ENCRYPTION_PROTECTOR_TYPE, 'current');
    if (!protector) {
      context.report({
        message: `SQL server '${server.name}' has no encryptionProtector/current, so its TDE protector cannot be shown to be a customer-managed key.`,
        evidence: [{ resourceId: `${server.id}/encryptionProtector/current`, path: 'properties.serverKeyType', absent: true, note: 'the encryption protector was read for every server and this one has none' }],
      });
      return;
    }
    const keyType = encryptionProtectorKeyType(protector);
    if (sameText(keyType.value, 'AzureKeyVault')) return;
    context.report({
      message: `SQL server '${server.name}' protects its TDE keys with ${keyType.absent ? 'a protector whose key type is not set' : `a service-managed key (serverKeyType is '${String(keyType.value)}')`}, not a customer-managed key.`,
      evidence: [evidence(keyType, keyType.absent ? 'not set; the protector is not shown to be a Key Vault key' : undefined)],
    });
  },
});
