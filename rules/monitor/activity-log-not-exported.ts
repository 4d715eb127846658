import { evidence, readArray, type Setting } from '../../src/adapters/setting.js';
import { DIAGNOSTIC_SETTING_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { type ArmResource, isJsonObject } from '../../src/inventory/types.js';
import { readAll } from '../../src/model/not-evaluated.js';
import { defineRule, type RuleContext } from '../../src/model/rule.js';

/** The activity log categories CIS 6.1.2 asks a subscription to export. */
const REQUIRED_ACTIVITY_LOG_CATEGORIES = ['Administrative', 'Alert', 'Policy', 'Security'] as const;

/**
 * Which required categories a subscription diagnostic setting exports: each `logs` entry
 * with `enabled` true names a `category`, or the `allLogs` category group, which is every
 * category. Other category groups are not counted.
 */
function exportedCategories(setting: ArmResource): { logs: Setting<readonly unknown[]>; missing: string[] } {
  const logs = readArray(setting, 'properties.logs');
  const enabled = new Set<string>();
  for (const entry of logs.value) {
    if (!isJsonObject(entry) || (entry.enabled !== true && entry.enabled !== 'true')) continue;
    if (typeof entry.categoryGroup === 'string' && entry.categoryGroup.toLowerCase() === 'alllogs') return { logs, missing: [] };
    if (typeof entry.category === 'string') enabled.add(entry.category.toLowerCase());
  }
  return { logs, missing: REQUIRED_ACTIVITY_LOG_CATEGORIES.filter((category) => !enabled.has(category.toLowerCase())) };
}

/**
 * Reports a subscription with no diagnostic setting that exports every required activity log
 * category; a setting azscan cannot read leaves the subscription not evaluated unless another
 * setting settles it.
 */
function reportActivityLogNotExported(subscription: ArmResource, context: RuleContext): void {
  const settings = context.childrenOf(subscription, DIAGNOSTIC_SETTING_TYPE);
  const { values, unread } = readAll(settings, (setting) => ({ setting, ...exportedCategories(setting) }));
  if (values.some((read) => read.missing.length === 0)) return;
  if (unread.length > 0) {
    for (const part of unread) context.unreadable(part);
    return;
  }
  context.report({
    message:
      values.length === 0
        ? `Subscription '${subscription.name}' has no diagnostic setting: its activity log is not exported.`
        : `Subscription '${subscription.name}' has no diagnostic setting that exports all of ${REQUIRED_ACTIVITY_LOG_CATEGORIES.join(', ')}: ` +
          `${values.map((read) => `'${read.setting.name}' lacks ${read.missing.join(', ')}`).join('; ')}.`,
    evidence:
      values.length === 0
        ? [{ resourceId: subscription.id, path: 'providers/Microsoft.Insights/diagnosticSettings', absent: true, note: 'diagnostic settings were read for the subscription and it has none' }]
        : values.map((read) => evidence(read.logs, read.logs.absent ? `no logs; lacks ${read.missing.join(', ')}` : `lacks ${read.missing.join(', ')}`)),
  });
}

export default defineRule({
  id: 'AZ-MON-007',
  name: 'activity-log-not-exported',
  title: 'Subscription activity log not exported',
  severity: 'medium',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [DIAGNOSTIC_SETTING_TYPE],
  description:
    'The subscription has no diagnostic setting of its own (`/subscriptions/{id}/providers/Microsoft.Insights/diagnosticSettings/{name}`) that exports all four activity log categories Administrative, Alert, Policy and Security, each in one `logs` entry with `enabled` true, or all of them through the `allLogs` category group.',
  rationale:
    'The activity log is the record of who changed what in the subscription: who opened a firewall, deleted a policy assignment or read a storage key. Azure keeps it for 90 days; without an export to a workspace, an event hub or an archive, no SIEM sees it and a change noticed after three months cannot be investigated.',
  remediation: {
    text: 'Create a subscription diagnostic setting that sends the Administrative, Alert, Policy and Security categories (or allLogs) to a Log Analytics workspace, an event hub feeding the SIEM, or a storage account.',
    az: 'az monitor diagnostic-settings subscription create --name activity-log --location <region> --workspace <log-analytics-workspace-id> --logs \'[{"category":"Administrative","enabled":true},{"category":"Alert","enabled":true},{"category":"Policy","enabled":true},{"category":"Security","enabled":true}]\'',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
  ],
  compliance: { 'cis-azure-3.0': ['6.1.1', '6.1.2'], mcsb: ['LT-3'] },
  check(subscription, context) {
    reportActivityLogNotExported(subscription, context);
  },
});
