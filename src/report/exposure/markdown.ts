import { escapeMarkdown as md } from '../text.js';
import { exposureRows, notFollowedRows, portsText, SENSITIVE_LEGEND, sourceText, type ExposureRow, type NotFollowedRow } from './rows.js';
import type { ExposureReport } from '../../model/exposure.js';

/** GitHub refuses comments over 65,536 characters; the list stays well under. */
const MAX_LENGTH = 60_000;
/** The share of it the public IPs not followed may take. */
const MAX_NOT_FOLLOWED_LENGTH = 20_000;

/**
 * The exposure list for a pull-request comment or a CI job summary: the endpoints as a
 * table (sensitive ports bold and marked `!`), then the public IPs that could not be
 * followed. Cut to fit a comment, endpoints first: what was not followed is always shown.
 */
export function renderExposureMarkdown(report: ExposureReport): string {
  const rows = exposureRows(report.endpoints);
  const sensitive = rows.filter((row) => row.sensitive).length;
  const notFollowed = notFollowedRows(report.unknown);
  const head = [
    `## azscan exposure: ${rows.length} reachable from the internet${sensitive > 0 ? `, ${sensitive} with a sensitive port` : ''}`,
    '',
    `${notFollowed.length === 0 ? '✅ Every public address was followed' : `⚠️ **Incomplete**: ${notFollowed.length} public address${notFollowed.length === 1 ? '' : 'es'} not followed`} · ${md(sourceText(report.source))}`,
    '',
  ].join('\n');

  const tail = notFollowed.length === 0 ? '' : notFollowedSection(notFollowed);

  let body = rows.length === 0 ? 'Nothing: no public address leads to an open port.\n\n' : '';
  if (rows.length > 0) {
    const legend = sensitive > 0 ? `**!** ${SENSITIVE_LEGEND}\n\n` : '';
    const cut = (shown: number) => `\n…and ${rows.length - shown} more; the JSON, CSV and HTML formats list them all.\n`;
    const budget = MAX_LENGTH - head.length - tail.length - legend.length - cut(0).length;
    let table = '| Address | Protocol | Ports | Services | Workload | Way in |\n|---|---|---|---|---|---|\n';
    let shown = 0;
    for (const row of rows) {
      const next = `${markdownRow(row)}\n`;
      if (table.length + next.length > budget) break;
      table += next;
      shown++;
    }
    body = `${table}${shown < rows.length ? cut(shown) : ''}\n${legend}`;
  }
  return `${head}\n${body}${tail}`;
}

function markdownRow(row: ExposureRow): string {
  const ports = portsText(row, (part) => (part.sensitive ? `**${part.text}!**` : part.text));
  const services = row.services.map((named) => md(named.service)).join(', ') || '—';
  return `| ${md(row.address)} | ${row.protocol} | ${ports} | ${services} | ${md(row.workload)} | ${md(row.wayIn)} |`;
}

function notFollowedSection(entries: readonly NotFollowedRow[]): string {
  let text = `### Not followed (${entries.length})\n\n| Public IP | Code | Reason |\n|---|---|---|\n`;
  let shown = 0;
  for (const entry of entries) {
    const next = `| ${md(entry.name)} | ${md(entry.code)} | ${md(entry.reason)} |\n`;
    if (text.length + next.length > MAX_NOT_FOLLOWED_LENGTH) break;
    text += next;
    shown++;
  }
  return `${text}${shown < entries.length ? `\n…and ${entries.length - shown} more; the JSON, CSV and HTML formats list them all.\n` : ''}\n`;
}
