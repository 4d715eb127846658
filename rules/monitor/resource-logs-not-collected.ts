import { BLOB_SERVICE_TYPE, blobServiceId, DIAGNOSTIC_SETTING_TYPE, EVENT_HUB_NAMESPACE_TYPE, hasBlobService, IOT_HUB_TYPE, KEY_VAULT_TYPE, NSG_TYPE, SQL_DATABASE_TYPE, STORAGE_ACCOUNT_TYPE } from '../../src/inventory/arm-types.js';
import { sendsLogs } from '../../src/adapters/diagnostics.js';
import { isSystemDatabase } from '../../src/adapters/sql.js';
import { readAll } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';
import { typeKey } from '../../src/inventory/arm-id.js';

export default defineRule({
  id: 'AZ-MON-001',
  name: 'resource-logs-not-collected',
  title: 'Resource logs not collected',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [IOT_HUB_TYPE, SQL_DATABASE_TYPE, KEY_VAULT_TYPE, EVENT_HUB_NAMESPACE_TYPE, NSG_TYPE, STORAGE_ACCOUNT_TYPE],
  requires: [DIAGNOSTIC_SETTING_TYPE],
  description:
    'An IoT hub, SQL database (system databases excepted), Key Vault, Event Hubs namespace, NSG or storage account blob service has no diagnostic setting with at least one log category or category group enabled. Metrics-only settings do not count. For a storage account, the setting must be on its blob service (`…/blobServices/default`).',
  rationale:
    'Resource logs are the record of who connected, what they read and what they changed. Without them an insider downloading from the database or the data lake triggers nothing and leaves nothing to investigate, and a device flood or a new public endpoint goes unnoticed.',
  remediation: {
    text: 'Add a diagnostic setting that sends the allLogs (or audit) category group to a Log Analytics workspace, an event hub or a storage account.',
    az: 'az monitor diagnostic-settings create --name azscan-logs --resource <resource-id> --workspace <log-analytics-workspace-id> --logs \'[{"categoryGroup":"allLogs","enabled":true}]\'',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/resource-logs',
  ],
  compliance: { 'cis-azure-3.0': ['6.4'], mcsb: ['LT-3'] },
  check(resource, context) {
    let target: { id: string; type: string; name: string } = resource;
    if (resource.typeKey === SQL_DATABASE_KEY && isSystemDatabase(resource)) {
      context.notApplicable(`'${resource.name}' is a system database`);
      return;
    }
    if (resource.typeKey === STORAGE_ACCOUNT_KEY) {
      if (!hasBlobService(resource)) {
        context.notApplicable(`account kind '${resource.kind}' has no blob service`);
        return;
      }
      target = { id: blobServiceId(resource), type: BLOB_SERVICE_TYPE, name: `${resource.name}/default` };
    }
    const all = context.childrenOf(target === resource ? resource : target.id, DIAGNOSTIC_SETTING_TYPE);
    const { values, unread } = readAll(all, (setting) => ({ setting, sends: sendsLogs(setting) }));
    if (values.some((read) => read.sends)) return;
    // A setting whose logs cannot be read might have been the one that sends them.
    if (unread.length > 0) {
      for (const part of unread) context.unreadable(part);
      return;
    }
    const settings = values.map((read) => read.setting);
    const names = settings.map((setting) => `'${setting.name}'`);
    context.report({
      ...(target === resource ? {} : { resource: target }),
      message:
        settings.length === 0
          ? `${describe(target.type)} '${target.name}' has no diagnostic setting: its resource logs are not collected.`
          : `${describe(target.type)} '${target.name}' has diagnostic setting${settings.length > 1 ? 's' : ''} ${names.join(', ')} with no log category enabled (metrics only).`,
      evidence:
        settings.length === 0
          ? [{ resourceId: target.id, path: 'providers/Microsoft.Insights/diagnosticSettings', absent: true, note: 'diagnostic settings were read for every resource and this one has none' }]
          : settings.map((setting) => ({ resourceId: setting.id, path: 'properties.logs', value: setting.properties.logs ?? null })),
    });
  },
});

const SQL_DATABASE_KEY = typeKey(SQL_DATABASE_TYPE);
const STORAGE_ACCOUNT_KEY = typeKey(STORAGE_ACCOUNT_TYPE);

function describe(type: string): string {
  switch (typeKey(type)) {
    case 'microsoft.devices/iothubs':
      return 'IoT hub';
    case 'microsoft.sql/servers/databases':
      return 'SQL database';
    case 'microsoft.keyvault/vaults':
      return 'Key Vault';
    case 'microsoft.eventhub/namespaces':
      return 'Event Hubs namespace';
    case 'microsoft.network/networksecuritygroups':
      return 'NSG';
    default:
      return 'Blob service';
  }
}
