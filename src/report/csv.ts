import type { ScanResult } from '../model/result.js';
import { fixCommand } from './fix-command.js';
import { csvCell, namesIn, shownId, shownName, shownText } from './text.js';

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
export function* renderCsv(result: ScanResult): Generator<string> {
  yield `${COLUMNS.join(',')}\r\n`;
  // A row at a time: the findings are read once, as they are written.
  for (const finding of result.findings) {
    const cells = [
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
    ];
    yield `${cells.map(csvCell).join(',')}\r\n`;
  }
}
