import { COSMOS_DB_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { isApprovedConnection, privateEndpointConnectionsOf } from '../../src/adapters/private-endpoint-connections.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-COS-002',
  name: 'cosmosdb-without-private-endpoint',
  title: 'Cosmos DB account without a private endpoint',
  severity: 'low',
  service: 'cosmosdb',
  resourceTypes: [COSMOS_DB_ACCOUNT_TYPE],
  requires: [],
  description:
    'None of the account\'s `privateEndpointConnections` has the status Approved: clients reach it only over its public endpoint. Pending, rejected and disconnected connections do not count.',
  rationale:
    'Without a private endpoint, applications reach the account over its public endpoint, so it cannot be closed to the internet without cutting them off, and its traffic leaves the virtual network. A private endpoint keeps data-plane traffic on the Azure backbone and is what lets public network access be disabled.',
  remediation: {
    text: 'Create a private endpoint for the account (group id Sql, MongoDB, Cassandra, Gremlin or Table, as its API) in the clients\' virtual network, approve it, then restrict or disable public network access.',
    az: 'az network private-endpoint create --resource-group <vnet-resource-group> --name <endpoint> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <account-id> --group-id Sql --connection-name <connection>',
  },
  references: ['https://learn.microsoft.com/azure/cosmos-db/how-to-configure-private-endpoints'],
  compliance: { 'cis-azure-3.0': ['5.4.2'], mcsb: ['NS-2'] },
  check(account, context) {
    const { setting, connections, malformed } = privateEndpointConnectionsOf(account);
    if (connections.some(isApprovedConnection)) return;
    // An entry azscan cannot read might be the approved connection: not evaluated rather than failed.
    if (malformed.length > 0) throw malformed[0];
    const found = connections.map((connection) => `'${connection.name}' (${connection.status})`);
    context.report({
      message: `Cosmos DB account '${account.name}' has no approved private endpoint connection${found.length > 0 ? `; connections: ${found.join(', ')}` : ''}.`,
      evidence: [evidence(setting, setting.absent ? 'no private endpoint connections' : 'none is Approved')],
    });
  },
});
