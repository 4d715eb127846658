import { workspaceRetentionDays } from '../../src/adapters/log-analytics.js';
import { evidence } from '../../src/adapters/setting.js';
import { LOG_ANALYTICS_WORKSPACE_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

interface RetentionOptions {
  /** The shortest workspace retention, in days, that passes. */
  readonly minimumDays: number;
}

export default defineRule<RetentionOptions>({
  id: 'AZ-MON-009',
  name: 'log-analytics-retention-too-short',
  title: 'Log Analytics workspace keeps logs for under 90 days',
  severity: 'low',
  service: 'monitor',
  resourceTypes: [LOG_ANALYTICS_WORKSPACE_TYPE],
  requires: [],
  description:
    'The workspace\'s default retention (`properties.retentionInDays`) is shorter than the minimum, 90 days unless the `minimumDays` option says otherwise; absent is read as 30 days, the default of a new workspace. Tables that set a retention of their own are not read.',
  rationale:
    'The workspace is where resource logs, the activity log and security events are searched during an investigation. Breaches are typically found weeks or months after they start: with 30 days of logs, the trail of how an attacker got in is gone before anyone looks for it.',
  remediation: {
    text: 'Raise the workspace\'s retention to at least 90 days (or what your policy requires), or archive older data with table-level total retention.',
    az: 'az monitor log-analytics workspace update --resource-group <resource-group> --workspace-name <workspace> --retention-time 90',
  },
  references: ['https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure', 'https://learn.microsoft.com/azure/azure-monitor/logs/log-analytics-workspace-overview'],
  compliance: { 'cis-azure-3.0': [], mcsb: ['LT-6'] },
  options: {
    schema: (z) => z.strictObject({ minimumDays: z.number().int().min(1).max(4383).default(90) }),
    defaults: { minimumDays: 90 },
    describe: ['minimumDays: the shortest workspace retention, in days, that passes (default 90)'],
  },
  check(workspace, context) {
    const retention = workspaceRetentionDays(workspace);
    const minimum = context.options.minimumDays;
    if (retention.value >= minimum) return;
    context.report({
      message: `Log Analytics workspace '${workspace.name}' keeps its data for ${retention.value} day${retention.value === 1 ? '' : 's'}${retention.absent ? ' (not set, the default)' : ''}, less than ${minimum}.`,
      evidence: [evidence(retention, 'not set; a workspace keeps data for 30 days by default')],
    });
  },
});
