import type { ScanResult } from '../engine/result.js';
import { csvCell } from './text.js';

const COLUMNS = [
  'severity',
  'rule_id',
  'title',
  'resource_name',
  'resource_id',
  'resource_type',
  'subscription_id',
  'resource_group',
  'message',
  'remediation',
  'az_command',
  'fingerprint',
  'suppressed_reason',
  'baseline_state',
] as const;

/** One row per finding, for a spreadsheet; every cell is neutralised against formula injection. */
export function renderCsv(result: ScanResult): string {
  const rows = result.findings.map((finding) =>
    [
      finding.severity,
      finding.ruleId,
      finding.title,
      finding.resourceName,
      finding.resourceId,
      finding.resourceType,
      finding.subscriptionId,
      finding.resourceGroup,
      finding.message,
      finding.remediation.text,
      finding.remediation.az,
      finding.fingerprint,
      finding.suppressed?.reason,
      finding.baselineState,
    ].map(csvCell),
  );
  return [COLUMNS.join(','), ...rows.map((row) => row.join(','))].map((line) => `${line}\r\n`).join('');
}
