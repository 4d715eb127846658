import { isApprovedConnection, privateEndpointConnectionsOf } from '../../src/adapters/private-endpoint-connections.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-014',
  name: 'storage-no-private-endpoint',
  title: 'Storage account without an approved private endpoint',
  severity: 'low',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'None of the account\'s `properties.privateEndpointConnections[]` has the status Approved (`properties.privateLinkServiceConnectionState.status`); absent means none. Clients then reach the account over its public endpoint only.',
  rationale:
    'A private endpoint gives the account an address in your virtual network, so that traffic from your workloads stays on the Microsoft backbone and the public endpoint can be closed (AZ-STG-006). Without one, every client uses the public endpoint, and the account\'s exposure rests on its firewall rules and its keys.',
  remediation: {
    text: 'Create a private endpoint for each storage service the clients use (blob, dfs, file, queue, table) in their virtual network, with its private DNS zone, approve it if it is pending, then restrict or disable public network access.',
    az: 'az network private-endpoint create --resource-group <resource-group> --name <endpoint> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <account-id> --group-id blob --connection-name <connection>',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/common/storage-private-endpoints',
    'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
  ],
  compliance: { 'cis-azure-3.0': ['4.9'], mcsb: ['NS-2'] },
  check(account, context) {
    const { setting, connections, malformed } = privateEndpointConnectionsOf(account);
    if (connections.some(isApprovedConnection)) return;
    // An entry azscan cannot read might be the approved connection: not evaluated rather than failed.
    if (malformed.length > 0) throw malformed[0];
    if (connections.length === 0) {
      context.report({
        message: `Storage account '${account.name}' has no private endpoint: clients reach it over its public endpoint only.`,
        evidence: [{ resourceId: account.id, path: setting.path, absent: true, note: 'no private endpoint connections' }],
      });
      return;
    }
    context.report({
      message: `Storage account '${account.name}' has no approved private endpoint: ${connections.map((connection) => `'${connection.name}' is ${connection.status}`).join(', ')}.`,
      evidence: connections.map((connection) => ({ resourceId: account.id, path: `${connection.path}.properties.privateLinkServiceConnectionState.status`, value: connection.status, note: 'not approved: no traffic flows through this endpoint' })),
    });
  },
});
