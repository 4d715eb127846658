import type { ArmResource } from '../inventory/types.js';
import { readNumber, type Setting } from './setting.js';

/**
 * How long a Log Analytics workspace keeps its data by default (`retentionInDays`, the
 * retention of every table that does not set its own). Absent is read as 30 days, the
 * retention a new workspace on the pay-as-you-go (PerGB2018) tier starts with unless told
 * otherwise (Learn, "Manage data retention in a Log Analytics workspace"; the property is in
 * the workspace shape of OperationalInsights API 2023-09-01).
 */
export function workspaceRetentionDays(workspace: ArmResource): Setting<number> {
  return readNumber(workspace, 'properties.retentionInDays', 30);
}
