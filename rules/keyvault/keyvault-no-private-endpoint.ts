import { isApprovedConnection, privateEndpointConnectionsOf } from '../../src/adapters/private-endpoint-connections.js';
import { evidence } from '../../src/adapters/setting.js';
import { KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-KV-006',
  name: 'keyvault-no-private-endpoint',
  title: 'Key Vault without an approved private endpoint',
  severity: 'low',
  service: 'keyvault',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [],
  description:
    'None of the vault\'s private endpoint connections (`properties.privateEndpointConnections`) has the status Approved: the vault has none, or only Pending, Rejected or Disconnected ones. One finding per vault.',
  rationale:
    'A private endpoint gives the vault an address in your virtual network, so that applications reach their keys and secrets without crossing the internet, and lets the vault\'s public endpoint be turned off. Without one, every client talks to the vault\'s public endpoint, and its firewall is the only network boundary around the secrets.',
  remediation: {
    text: 'Create a private endpoint for the vault (group id vault) in the virtual network of its clients, with a privatelink.vaultcore.azure.net private DNS zone, approve the connection, then disable public network access.',
    az: 'az network private-endpoint create --resource-group <resource-group> --name <endpoint> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <vault-resource-id> --group-id vault --connection-name <connection>',
  },
  references: ['https://learn.microsoft.com/azure/key-vault/general/private-link-service', 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview'],
  compliance: { 'cis-azure-3.0': ['3.3.7'], mcsb: ['NS-2'] },
  check(vault, context) {
    const { setting, connections, malformed } = privateEndpointConnectionsOf(vault);
    if (connections.some(isApprovedConnection)) return;
    // An entry azscan cannot read might be the approved connection: not evaluated rather than failed.
    if (malformed.length > 0) throw malformed[0];
    context.report({
      message:
        connections.length === 0
          ? `Key Vault '${vault.name}' has no private endpoint: its clients reach it through its public endpoint.`
          : `Key Vault '${vault.name}' has no approved private endpoint: its connections are ${connections.map((connection) => `'${connection.status}'`).join(', ')}.`,
      evidence: [evidence(setting, 'not set; the vault has no private endpoint connection')],
    });
  },
});
