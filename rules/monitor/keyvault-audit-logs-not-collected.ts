import { sendsLogCategory } from '../../src/adapters/diagnostics.js';
import { DIAGNOSTIC_SETTING_TYPE, KEY_VAULT_TYPE } from '../../src/inventory/arm-types.js';
import { readAll } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

/** Key Vault's log of data-plane requests, and the category groups that include it. */
const AUDIT_EVENT = 'AuditEvent';
const GROUPS_WITH_AUDIT_EVENT = ['audit', 'allLogs'];

export default defineRule({
  id: 'AZ-MON-012',
  name: 'keyvault-audit-logs-not-collected',
  title: 'Key Vault audit events not logged',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [KEY_VAULT_TYPE],
  requires: [DIAGNOSTIC_SETTING_TYPE],
  description:
    'The vault has no diagnostic setting with its `AuditEvent` log category enabled, by name or through the `audit` or `allLogs` category group. A setting that sends only `AzurePolicyEvaluationDetails` or metrics does not count (it does satisfy AZ-MON-001, which asks for any log category).',
  rationale:
    'AuditEvent is the record of every request to the vault\'s data plane: who read which secret, who decrypted with which key, from which address, and who was refused. Without it, a stolen identity bulk-reading secrets leaves no trace, and nobody can tell which credentials to rotate after an incident.',
  remediation: {
    text: 'Add a diagnostic setting to the vault that sends the audit category group (or AuditEvent) to a Log Analytics workspace, an event hub or a storage account, and keep it as long as your investigations need.',
    az: 'az monitor diagnostic-settings create --name audit --resource <vault-resource-id> --workspace <log-analytics-workspace-id> --logs \'[{"categoryGroup":"audit","enabled":true}]\'',
  },
  references: ['https://learn.microsoft.com/azure/key-vault/general/logging', 'https://learn.microsoft.com/azure/key-vault/general/howto-logging'],
  compliance: { 'cis-azure-3.0': ['6.1.4'], mcsb: ['LT-3'] },
  check(vault, context) {
    const settings = context.childrenOf(vault, DIAGNOSTIC_SETTING_TYPE);
    const { values, unread } = readAll(settings, (setting) => ({ setting, audits: sendsLogCategory(setting, AUDIT_EVENT, GROUPS_WITH_AUDIT_EVENT) }));
    if (values.some((read) => read.audits)) return;
    // A setting whose logs cannot be read might have been the one that sends AuditEvent.
    if (unread.length > 0) {
      for (const part of unread) context.unreadable(part);
      return;
    }
    const names = values.map((read) => `'${read.setting.name}'`);
    context.report({
      message:
        values.length === 0
          ? `Key Vault '${vault.name}' has no diagnostic setting: its audit events (who read which secret or used which key) are not logged.`
          : `Key Vault '${vault.name}' has diagnostic setting${values.length > 1 ? 's' : ''} ${names.join(', ')}, none of which sends AuditEvent (by name, or the audit or allLogs category group).`,
      evidence:
        values.length === 0
          ? [{ resourceId: vault.id, path: 'providers/Microsoft.Insights/diagnosticSettings', absent: true, note: 'diagnostic settings were read for every vault and this one has none' }]
          : values.map((read) => ({ resourceId: read.setting.id, path: 'properties.logs', value: read.setting.properties.logs ?? null })),
    });
  },
});
