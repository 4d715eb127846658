import { evidence, sameText } from '../../src/adapters/setting.js';
import { bypassesForAzureServices, networkBypass, networkDefaultAction } from '../../src/adapters/storage.js';
import { STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-STG-013',
  name: 'storage-trusted-services-bypass-off',
  title: 'Storage firewall blocks trusted Azure services',
  severity: 'low',
  service: 'storage',
  resourceTypes: [STORAGE_ACCOUNT_TYPE],
  requires: [],
  description:
    'The account\'s firewall is on (`properties.networkAcls.defaultAction` Deny) and `properties.networkAcls.bypass` does not include AzureServices (absent means AzureServices): Azure Backup, Site Recovery, Event Grid, Azure Monitor and the other trusted services are refused. Accounts without a firewall (default action Allow) are not applicable.',
  rationale:
    'Trusted Azure services reach the account with their own managed identity and your role assignments, not through a network path you could allow otherwise. Blocked, they fail quietly: backups and diagnostic logs stop arriving, and the pressure is then to open the firewall to all networks instead. CIS level 2 asks for the exception to be on.',
  remediation: {
    text: 'Add AzureServices to the firewall\'s exceptions (keep Logging and Metrics if they are there), and grant the services that need the account their roles on it.',
    az: 'az storage account update --resource-group <resource-group> --name <account> --bypass AzureServices Logging Metrics',
  },
  references: [
    'https://learn.microsoft.com/azure/storage/common/storage-network-security#grant-access-to-trusted-azure-services',
    'https://learn.microsoft.com/azure/storage/common/storage-network-security-trusted-azure-services',
  ],
  compliance: { 'cis-azure-3.0': ['4.8'], mcsb: ['NS-2'] },
  check(account, context) {
    const defaultAction = networkDefaultAction(account);
    if (!sameText(defaultAction.value, 'Deny')) {
      context.notApplicable(`the firewall is off (default network action ${defaultAction.absent ? 'not set, which means Allow' : defaultAction.value}): nothing is blocked for trusted services to bypass`);
      return;
    }
    const bypass = networkBypass(account);
    if (bypassesForAzureServices(bypass.value)) return;
    context.report({
      message: `Storage account '${account.name}' has its firewall on and does not let trusted Azure services through: bypass is '${bypass.value}'.`,
      evidence: [evidence(bypass), evidence(defaultAction)],
    });
  },
});
