import type { AnyRule } from '../../src/model/rule.js';
import activityLogNotExported from './activity-log-not-exported.js';
import nsgChangesNotAlerted from './nsg-changes-not-alerted.js';
import nsgRuleChangesNotAlerted from './nsg-rule-changes-not-alerted.js';
import policyAssignmentChangesNotAlerted from './policy-assignment-changes-not-alerted.js';
import publicIpChangesNotAlerted from './public-ip-changes-not-alerted.js';
import resourceLogsNotCollected from './resource-logs-not-collected.js';
import sqlFirewallChangesNotAlerted from './sql-firewall-changes-not-alerted.js';

export const MONITOR_RULES: readonly AnyRule[] = [
  resourceLogsNotCollected,
  nsgChangesNotAlerted,
  nsgRuleChangesNotAlerted,
  sqlFirewallChangesNotAlerted,
  publicIpChangesNotAlerted,
  policyAssignmentChangesNotAlerted,
  activityLogNotExported,
];
