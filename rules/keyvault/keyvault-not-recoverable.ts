import { purgeProtectionEnabled, softDeleteEnabled } from '../../src/adapters/keyvault.js';
import { KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-KV-001',
  name: 'keyvault-not-recoverable',
  title: 'Key Vault without soft delete or purge protection',
  severity: 'high',
  service: 'keyvault',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [],
  description:
    'The vault\'s `enableSoftDelete` is false or not set (absent is read as off, as Azure Policy reads it), or its `enablePurgeProtection` is not true (absent means off). One finding per vault, naming what is missing: high severity when soft delete is off, medium when only purge protection is.',
  rationale:
    'The keys in a vault encrypt databases and storage and sign device and service tokens. Without soft delete a deleted vault or key is gone at once; without purge protection anyone who can delete can also purge before anyone notices, and the data encrypted with those keys becomes unreadable — a ransom lever that needs no malware.',
  remediation: {
    text: 'Turn on soft delete where it is off, and purge protection; neither can be turned off again, so check first that nothing relies on purging and re-creating objects of the same name.',
    az: 'az keyvault update --resource-group <resource-group> --name <vault> --enable-purge-protection true',
  },
  references: [
    'https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview',
    'https://learn.microsoft.com/azure/key-vault/general/soft-delete-change',
  ],
  compliance: { 'cis-azure-3.0': ['3.3.5'], mcsb: ['DP-8'] },
  check(vault, context) {
    const softDelete = softDeleteEnabled(vault);
    const purgeProtection = purgeProtectionEnabled(vault);
    if (softDelete.value && purgeProtection.value) return;
    const missing = [...(softDelete.value ? [] : ['soft delete']), ...(purgeProtection.value ? [] : ['purge protection'])];
    context.report({
      message: `Key Vault '${vault.name}' has no ${missing.join(' and no ')}: ${softDelete.value ? 'deleted keys and secrets can be purged at once' : 'a deleted key, secret or the vault itself cannot be recovered'}.`,
      evidence: [
        ...(softDelete.value ? [] : [evidence(softDelete, softDelete.absent ? 'not set; soft delete is not shown to be on' : undefined)]),
        ...(purgeProtection.value ? [] : [evidence(purgeProtection, purgeProtection.absent ? 'not set; purge protection is off' : undefined)]),
      ],
      ...(softDelete.value ? { severity: 'medium' as const } : {}),
    });
  },
});
