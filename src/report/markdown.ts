import type { ScanResult } from '../model/result.js';
import { isRated } from '../model/compliance.js';
import { SEVERITIES } from '../model/severity.js';
import { firstOf } from './passes.js';
import { escapeMarkdown as md, markdownCode as code, namesIn, plural, shownId, shownName, shownText } from './text.js';

/** GitHub refuses comments over 65,536 characters; the report stays well under. */
const MAX_LENGTH = 60_000;
const MAX_FINDING_ROWS = 100;
const MAX_NOT_EVALUATED_ROWS = 50;
const CUT_NOTE = '_Cut to fit a comment; the full report is in the JSON, SARIF or HTML output._';

const ICON: Record<string, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵' };

/** A part of the report: lines, then rows that may be cut to fit, then lines that close it. */
interface Section {
  readonly head: readonly string[];
  readonly rows?: readonly string[];
  /** Rows there were before the MAX_…_ROWS limit, to say how many are not shown. */
  readonly total?: number;
  readonly tail?: readonly string[];
}

/**
 * A summary for a pull-request comment or a CI job summary: counts by severity, the
 * compliance view and baseline when asked for, the most severe findings, and what could not
 * be evaluated. Untrusted text is escaped so it can neither break the tables nor add markup,
 * and cut so that one long name cannot push the rest out of the comment.
 */
export function renderMarkdown(result: ScanResult): string {
  const s = result.summary;
  const head = [
    `## azscan: ${SEVERITIES.map((severity) => `${s.findings[severity]} ${severity}`).join(' · ')}`,
    '',
    `${s.complete ? '✅ Scan complete' : `⚠️ **Scan incomplete**: ${plural(s.notEvaluated, 'rule × resource pair')} not evaluated`} · ${plural(s.resourcesEvaluated, 'resource')} · ${plural(s.rulesEvaluated, 'rule')}` +
      (s.suppressed > 0 ? ` · ${s.suppressed} suppressed` : '') +
      ` · ${md(result.source.kind === 'live' ? 'live scan' : `snapshot ${result.source.path ?? ''}`)}`,
    '',
    '| Severity | Findings |',
    '|---|---:|',
    ...SEVERITIES.map((severity) => `| ${ICON[severity]} ${severity} | ${s.findings[severity]} |`),
  ];

  const sections: Section[] = [{ head }];
  if (result.baseline) {
    const b = result.baseline;
    sections.push({
      head: [`### Since the baseline`, '', `${b.new} new · ${b.existing} existing · ${b.fixed.length} fixed${b.unknown.length > 0 ? ` · ${b.unknown.length} not re-checked` : ''}`, ...(b.fixed.length > 0 ? [''] : [])],
      rows: b.fixed.slice(0, 20).map((f) => `- ✔ ${f.ruleId} ${md(shownText(f.title))} — ${code(lastSegments(f.resourceId), false)}`),
      total: b.fixed.length,
    });
  }
  if (result.compliance) {
    const c = result.compliance;
    const rows = c.controls.filter((control) => isRated(control.status));
    sections.push({
      head: [
        `### ${md(c.title)}`,
        '',
        `${c.counts.pass} pass · ${c.counts.fail} fail · ${c.counts.notEvaluated} not evaluated · ${c.counts.manual} manual · ${c.counts.noRule} with no rule (check those by hand)`,
        '',
        '| Control | Status | Rules | Findings |',
        '|---|---|---|---:|',
      ],
      rows: rows.map((control) => `| ${control.id} ${md(control.title)} | ${STATUS[control.status]} | ${control.rules.join(', ')} | ${control.findings} |`),
    });
  }

  // The lists are read only as far as the rows shown; their lengths come from the summary.
  if (s.findings.total > 0) {
    sections.push({
      head: [`### Findings`, '', '| Severity | Rule | Resource | Finding |', '|---|---|---|---|'],
      rows: firstOf(result.findings, MAX_FINDING_ROWS, (finding) => !finding.suppressed).map(
        (f) =>
          `| ${ICON[f.severity]} ${f.severity} | ${f.ruleId} | ${code(shownName(f.resourceName))}${f.baselineState === 'new' ? ' 🆕' : ''} | ${md(shownText(f.message, namesIn(f.resourceName)))} |`,
      ),
      total: s.findings.total,
    });
  }
  if (s.notEvaluated > 0) {
    sections.push({
      head: [`<details><summary>Not evaluated (${s.notEvaluated})</summary>`, '', '| Rule | Resource | Reason |', '|---|---|---|'],
      rows: firstOf(result.notEvaluated, MAX_NOT_EVALUATED_ROWS).map(
        (entry) =>
          `| ${entry.ruleId ?? 'input'} | ${code(lastSegments(entry.resourceId ?? entry.inputLocation ?? ''))} | ${md(`${entry.code}: ${shownText(entry.reason, entry.resourceId?.split('/'))}`)} |`,
      ),
      total: s.notEvaluated,
      tail: ['', '</details>'],
    });
  }
  return fit(sections);
}

/**
 * Joins the sections, cutting rows (never half a row, never a table's closing lines) where
 * the next would pass MAX_LENGTH, and saying so.
 */
function fit(sections: readonly Section[]): string {
  const room = MAX_LENGTH - CUT_NOTE.length - 2;
  let text = '';
  for (const section of sections) {
    const head = `${section.head.join('\n')}\n`;
    const tail = `${(section.tail ?? []).map((line) => `${line}\n`).join('')}\n`;
    if (text.length + head.length + tail.length > room) return `${text}${CUT_NOTE}\n`;
    text += head;
    const rows = section.rows ?? [];
    let shown = 0;
    for (const row of rows) {
      if (text.length + row.length + 1 + tail.length > room) break;
      text += `${row}\n`;
      shown++;
    }
    const total = section.total ?? rows.length;
    if (shown < total) text += `\n…and ${total - shown} more; the JSON, SARIF and HTML reports have them all.\n`;
    text += tail;
    if (shown < rows.length) return `${text}${CUT_NOTE}\n`;
  }
  return text;
}

const STATUS = { pass: '✅ pass', fail: '❌ fail', notEvaluated: '⚠️ not evaluated', manual: '— manual', noRule: '— no rule' } as const;

/** The last four segments of an id, names cut: enough to recognise a resource. */
function lastSegments(id: string): string {
  const parts = id.split('/').filter(Boolean);
  return shownId(parts.length <= 4 ? id : parts.slice(-4).join('/'));
}
