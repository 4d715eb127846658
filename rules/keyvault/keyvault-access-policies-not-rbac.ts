import { rbacAuthorization } from '../../src/adapters/keyvault.js';
import { KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-KV-002',
  name: 'keyvault-access-policies-not-rbac',
  title: 'Key Vault uses access policies instead of Azure RBAC',
  severity: 'medium',
  service: 'keyvault',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [],
  description:
    'The vault\'s `enableRbacAuthorization` is false or not set (absent means false: the vault is created with access policies), so data-plane access to keys, secrets and certificates is granted by vault access policies rather than Azure RBAC.',
  rationale:
    'Access policies grant all keys or all secrets of a vault at once, cannot be scoped or made just-in-time, and can be edited by anyone with the Contributor or Key Vault Contributor role — who can thereby give themselves every secret in the vault. Azure RBAC separates managing the vault from reading its contents and works with Privileged Identity Management.',
  remediation: {
    text: 'Recreate the access policies as Azure role assignments (for example Key Vault Secrets User for applications), then switch the vault\'s permission model to Azure RBAC.',
    az: 'az keyvault update --resource-group <resource-group> --name <vault> --enable-rbac-authorization true',
  },
  references: [
    'https://learn.microsoft.com/azure/key-vault/general/rbac-guide',
    'https://learn.microsoft.com/azure/key-vault/general/rbac-access-policy',
  ],
  compliance: { 'cis-azure-3.0': ['3.3.6'], mcsb: ['PA-7'] },
  check(vault, context) {
    const rbac = rbacAuthorization(vault);
    if (rbac.value) return;
    context.report({
      message: `Key Vault '${vault.name}' grants access to its keys, secrets and certificates through vault access policies${rbac.absent ? ' (enableRbacAuthorization is not set)' : ''}, not Azure RBAC.`,
      evidence: [evidence(rbac, rbac.absent ? 'not set; the vault uses access policies' : undefined)],
    });
  },
});
