import { COSMOS_DB_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { cosmosNetworkAccess, listedVirtualNetworkRuleCount } from '../../src/adapters/cosmosdb.js';
import { evidence } from '../../src/adapters/setting.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-COS-001',
  name: 'cosmosdb-open-to-all-networks',
  title: 'Cosmos DB account reachable from all networks',
  severity: 'high',
  service: 'cosmosdb',
  resourceTypes: [COSMOS_DB_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s `publicNetworkAccess` is not Disabled (absent means Enabled) and its firewall admits every network: it has no IP rules (`ipRules`) and its virtual network filter (`isVirtualNetworkFilterEnabled`) is off, or an IP rule covers every address (`0.0.0.0/0`), or an IP rule is `0.0.0.0` — "Accept connections from within public Azure datacenters" — which admits every address in Azure, whichever customer it belongs to (reported at medium severity).',
  rationale:
    'A Cosmos DB account open to every network lets anyone holding an account key or a resource token read and change the data from anywhere; keys leak through connection strings in code, pipelines and app settings. `0.0.0.0` is no restriction either: any virtual machine, function or container in any Azure tenant can then connect.',
  remediation: {
    text: 'Add IP rules for the client addresses that need the account and virtual network rules (with the filter enabled) for the subnets of those inside Azure, remove `0.0.0.0` once the Azure services that needed it are covered otherwise, or disable public network access and use private endpoints.',
    az: 'az cosmosdb update --resource-group <resource-group> --name <account> --ip-range-filter <client-ranges> --enable-virtual-network true',
  },
  references: [
    'https://learn.microsoft.com/azure/cosmos-db/how-to-configure-firewall',
    'https://learn.microsoft.com/azure/cosmos-db/how-to-configure-vnet-service-endpoint',
  ],
  compliance: { 'cis-azure-3.0': ['5.4.1'], mcsb: ['NS-2'] },
  check(account, context) {
    const access = cosmosNetworkAccess(account);
    if (access.disabled || (access.reach !== 'everyone' && access.reach !== 'azure')) return;
    const publicAccess = `public network access ${access.publicAccess.absent ? 'not set, which means Enabled' : access.publicAccess.value}`;
    const base = [evidence(access.publicAccess)];
    if (access.unrestricted) {
      const listed = listedVirtualNetworkRuleCount(account);
      const unenforced = listed > 0 ? `; its ${listed} virtual network rule(s) are not enforced while the filter is off` : '';
      context.report({
        message: `Cosmos DB account '${account.name}' accepts connections from all networks: ${publicAccess}, no IP rules and the virtual network filter is off${unenforced}.`,
        evidence: [
          ...base,
          evidence(access.ipRules, access.ipRules.absent ? 'no IP rules' : undefined),
          evidence(access.filter, access.filter.absent ? 'not set; the virtual network filter is off' : undefined),
        ],
      });
      return;
    }
    const everyone = access.rules.find((rule) => rule.kind === 'everyone');
    if (everyone) {
      context.report({
        message: `Cosmos DB account '${account.name}' accepts connections from all networks: ${publicAccess}, IP rule ${everyone.range} admits every address.`,
        evidence: [...base, { resourceId: account.id, path: everyone.path, value: everyone.range }],
      });
      return;
    }
    const azure = access.rules.find((rule) => rule.kind === 'azure')!;
    const others = access.rules.length - 1;
    context.report({
      message:
        `Cosmos DB account '${account.name}' accepts connections from every address in Azure, any customer's: ${publicAccess}, IP rule ${azure.range} ("Accept connections from within public Azure datacenters")` +
        (others > 0 ? ` besides ${others} other IP rule(s).` : ' and no other IP rule.'),
      evidence: [...base, { resourceId: account.id, path: azure.path, value: azure.range, note: '0.0.0.0 admits every Azure datacenter address, not one address' }],
      severity: 'medium',
    });
  },
});
