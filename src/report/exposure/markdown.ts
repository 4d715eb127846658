import { escapeMarkdown as md } from '../text.js';
import { exposureRows, notFollowedRows, platformRows, portsText, PLATFORM_SENSITIVE_LEGEND, SENSITIVE_LEGEND, sourceText, type ExposureRow, type NotFollowedRow, type PlatformRow } from './rows.js';
import type { ExposureReport } from '../../model/exposure.js';

/** GitHub refuses comments over 65,536 characters; the list stays well under. */
const MAX_LENGTH = 60_000;
/** The share of it the public IPs not followed may take. */
const MAX_NOT_FOLLOWED_LENGTH = 20_000;
/** The shares the platform endpoints and the platform resources not evaluated may take: endpoints keep at least 20,000. */
const MAX_PLATFORM_LENGTH = 15_000;
const MAX_PLATFORM_UNKNOWN_LENGTH = 5_000;

/**
 * The exposure list for a pull-request comment or a CI job summary: the endpoints as a
 * table (sensitive ports bold and marked `!`), then the public IPs that could not be
 * followed. Cut to fit a comment, endpoints first: what was not followed is always shown.
 */
export function renderExposureMarkdown(report: ExposureReport): string {
  const rows = exposureRows(report.endpoints);
  const sensitive = rows.filter((row) => row.sensitive).length;
  const notFollowed = notFollowedRows(report.unknown);
  const platform = platformRows(report.platformEndpoints);
  const platformUnknown = notFollowedRows(report.platformUnknown);
  const platformSensitive = platform.filter((row) => row.sensitive).length;
  const incomplete = [
    ...(notFollowed.length > 0 ? [`${notFollowed.length} public address${notFollowed.length === 1 ? '' : 'es'} not followed`] : []),
    ...(platformUnknown.length > 0 ? [`${platformUnknown.length} platform resource${platformUnknown.length === 1 ? '' : 's'} or scope${platformUnknown.length === 1 ? '' : 's'} not evaluated`] : []),
  ];
  const head = [
    `## azscan exposure: ${rows.length} reachable from the internet${sensitive > 0 ? `, ${sensitive} with a sensitive port` : ''}` +
      (platform.length > 0 ? ` · ${platform.length} platform endpoint${platform.length === 1 ? '' : 's'}${platformSensitive > 0 ? `, ${platformSensitive} sensitive` : ''}` : ''),
    '',
    `${incomplete.length === 0 ? '✅ Every public address was followed' : `⚠️ **Incomplete**: ${incomplete.join(', ')}`} · ${md(sourceText(report.source))}`,
    '',
  ].join('\n');

  // Platform endpoints and what was not evaluated are always shown; the endpoints above them are cut first.
  const tail =
    platformSection(platform, platformSensitive) +
    (notFollowed.length === 0 ? '' : notFollowedSection(notFollowed)) +
    (platformUnknown.length === 0 ? '' : notFollowedSection(platformUnknown, 'Platform endpoints not evaluated', 'Resource or scope', MAX_PLATFORM_UNKNOWN_LENGTH));

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

function notFollowedSection(entries: readonly NotFollowedRow[], title = 'Not followed', what = 'Public IP', max = MAX_NOT_FOLLOWED_LENGTH): string {
  let text = `### ${title} (${entries.length})\n\n| ${what} | Code | Reason |\n|---|---|---|\n`;
  let shown = 0;
  for (const entry of entries) {
    const next = `| ${md(entry.name)} | ${md(entry.code)} | ${md(entry.reason)} |\n`;
    if (text.length + next.length > max) break;
    text += next;
    shown++;
  }
  return `${text}${shown < entries.length ? `\n…and ${entries.length - shown} more; the JSON, CSV and HTML formats list them all.\n` : ''}\n`;
}

/** The platform endpoints, cut at MAX_PLATFORM_LENGTH, the legend of their `!` after them. */
function platformSection(rows: readonly PlatformRow[], sensitive: number): string {
  if (rows.length === 0) return '';
  let text = `### Platform endpoints (${rows.length})\n\n| Host | Ports | Reachable by | Auth | Resource | Grants |\n|---|---|---|---|---|---|\n`;
  let shown = 0;
  for (const row of rows) {
    const ports = row.ports.map((part) => (part.sensitive ? `**${part.text}!**` : part.text)).join(', ');
    const auth = row.sensitive && row.auth.includes('anonymous') ? `**${md(row.auth)}!**` : md(row.auth);
    const next = `| ${md(row.host)} | ${ports} | ${md(row.reach)} | ${auth} | ${md(row.resource)} | ${md(row.grants)} |\n`;
    if (text.length + next.length > MAX_PLATFORM_LENGTH) break;
    text += next;
    shown++;
  }
  const cut = shown < rows.length ? `\n…and ${rows.length - shown} more; the JSON, CSV and HTML formats list them all.\n` : '';
  return `${text}${cut}\n${sensitive > 0 ? `**!** ${PLATFORM_SENSITIVE_LEGEND}\n\n` : ''}`;
}
