// The report as azscan wrote it before reports were streamed (one string), kept as the oracle
// that the streamed report is checked against: see test/report/streamed-reports.test.ts.
import type { ScanResult } from '../../../src/model/result.js';
import { fixCommand } from '../../../src/report/fix-command.js';
import { csvCell, namesIn, shownId, shownName, shownText } from '../../../src/report/text.js';

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

/**
 * One row per finding, for a spreadsheet: every cell on one line, without escape sequences
 * or controls, neutralised against formula injection; names cut as every report cuts them.
 */
export function oldRenderCsv(result: ScanResult): string {
  const rows = result.findings.map((finding) =>
    [
      finding.severity,
      finding.ruleId,
      finding.title,
      shownName(finding.resourceName),
      shownId(finding.resourceId),
      finding.resourceType,
      finding.subscriptionId,
      finding.resourceGroup === undefined ? undefined : shownName(finding.resourceGroup),
      shownText(finding.message, namesIn(finding.resourceName)),
      finding.remediation.text,
      fixCommand(finding),
      finding.fingerprint,
      finding.suppressed ? shownText(finding.suppressed.reason) : undefined,
      finding.baselineState,
    ].map(csvCell),
  );
  return [COLUMNS.join(','), ...rows.map((row) => row.join(','))].map((line) => `${line}\r\n`).join('');
}
