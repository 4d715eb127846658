import { vaultNetworkDefaultAction, vaultPublicNetworkAccess } from '../../src/adapters/keyvault.js';
import { KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { evidence, sameText } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-KV-003',
  name: 'keyvault-open-to-all-networks',
  title: 'Key Vault reachable from all networks',
  severity: 'medium',
  service: 'keyvault',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [],
  description:
    'The vault\'s `publicNetworkAccess` is not Disabled (absent means enabled) and its firewall\'s `networkAcls.defaultAction` is not Deny (absent `networkAcls` means Allow), so its endpoint accepts requests from every network.',
  rationale:
    'A vault holds the secrets that open everything else: connection strings, storage keys, device-provisioning certificates. Reachable from anywhere, a stolen token or a leaked client secret can be used to read them from any network; behind a firewall or private endpoints, the same credential is useless outside the organisation\'s networks.',
  remediation: {
    text: 'Set the vault firewall to deny by default and allow only the virtual networks and addresses that need it (trusted Microsoft services can bypass it), or disable public network access and use private endpoints.',
    az: 'az keyvault update --resource-group <resource-group> --name <vault> --default-action Deny --bypass AzureServices',
  },
  references: [
    'https://learn.microsoft.com/azure/key-vault/general/network-security',
    'https://learn.microsoft.com/azure/key-vault/general/private-link-service',
  ],
  compliance: { 'cis-azure-3.0': [], mcsb: ['NS-2'] },
  check(vault, context) {
    const access = vaultPublicNetworkAccess(vault);
    if (sameText(access.value, 'Disabled')) return;
    const defaultAction = vaultNetworkDefaultAction(vault);
    if (sameText(defaultAction.value, 'Deny')) return;
    context.report({
      message: `Key Vault '${vault.name}' accepts requests from all networks (public network access ${access.absent ? 'not set, which means enabled' : access.value}, default network action ${defaultAction.value}${defaultAction.absent ? ', no firewall rules set' : ''}).`,
      evidence: [evidence(access), evidence(defaultAction, defaultAction.absent ? 'no networkAcls; every network is allowed' : undefined)],
    });
  },
});
