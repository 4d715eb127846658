import type { ScanResult } from '../engine/result.js';
import { SEVERITIES } from '../engine/severity.js';
import { escapeMarkdown as md } from './text.js';

/** GitHub refuses comments over 65,536 characters; the report stays well under. */
const MAX_LENGTH = 60_000;
const MAX_FINDING_ROWS = 100;

const ICON: Record<string, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵' };

/**
 * A summary for a pull-request comment or a CI job summary: counts by severity, the
 * compliance view and baseline when asked for, the most severe findings, and what could not
 * be evaluated. Untrusted text is escaped so it can neither break the tables nor add markup.
 */
export function renderMarkdown(result: ScanResult): string {
  const s = result.summary;
  const head = [
    `## azscan: ${SEVERITIES.map((severity) => `${s.findings[severity]} ${severity}`).join(' · ')}`,
    '',
    `${s.complete ? '✅ Scan complete' : `⚠️ **Scan incomplete**: ${s.notEvaluated} rule × resource pairs not evaluated`} · ${s.resourcesEvaluated} resources · ${s.rulesEvaluated} rules` +
      (s.suppressed > 0 ? ` · ${s.suppressed} suppressed` : '') +
      ` · ${md(result.source.kind === 'live' ? 'live scan' : `snapshot ${result.source.path ?? ''}`)}`,
    '',
    '| Severity | Findings |',
    '|---|---:|',
    ...SEVERITIES.map((severity) => `| ${ICON[severity]} ${severity} | ${s.findings[severity]} |`),
  ];

  const sections: string[][] = [head];
  if (result.baseline) {
    const b = result.baseline;
    sections.push([
      `### Since the baseline`,
      '',
      `${b.new} new · ${b.existing} existing · ${b.fixed.length} fixed${b.unknown.length > 0 ? ` · ${b.unknown.length} not re-checked` : ''}`,
      ...(b.fixed.length > 0 ? ['', ...b.fixed.slice(0, 20).map((f) => `- ✔ ${f.ruleId} ${md(f.title)} — \`${md(lastSegments(f.resourceId))}\``)] : []),
    ]);
  }
  if (result.compliance) {
    const c = result.compliance;
    const rows = c.controls.filter((control) => control.status !== 'noAutomatedRule');
    sections.push([
      `### ${md(c.title)}`,
      '',
      `${c.counts.pass} pass · ${c.counts.fail} fail · ${c.counts.notEvaluated} not evaluated · ${c.counts.noAutomatedRule} with no automated rule`,
      '',
      '| Control | Status | Rules | Findings |',
      '|---|---|---|---:|',
      ...rows.map((control) => `| ${control.id} ${md(control.title)} | ${STATUS[control.status]} | ${control.rules.join(', ')} | ${control.findings} |`),
    ]);
  }

  const active = result.findings.filter((finding) => !finding.suppressed);
  const findingRows = active.slice(0, MAX_FINDING_ROWS).map(
    (f) => `| ${ICON[f.severity]} ${f.severity} | ${f.ruleId} | \`${md(f.resourceName)}\`${f.baselineState === 'new' ? ' 🆕' : ''} | ${md(f.message)} |`,
  );
  if (active.length > 0) {
    sections.push([
      `### Findings`,
      '',
      '| Severity | Rule | Resource | Finding |',
      '|---|---|---|---|',
      ...findingRows,
      ...(active.length > MAX_FINDING_ROWS ? ['', `…and ${active.length - MAX_FINDING_ROWS} more; the JSON, SARIF and HTML reports have them all.`] : []),
    ]);
  }
  if (result.notEvaluated.length > 0) {
    sections.push([
      `<details><summary>Not evaluated (${result.notEvaluated.length})</summary>`,
      '',
      '| Rule | Resource | Reason |',
      '|---|---|---|',
      ...result.notEvaluated.slice(0, 50).map((entry) => `| ${entry.ruleId ?? 'input'} | \`${md(lastSegments(entry.resourceId ?? entry.inputLocation ?? ''))}\` | ${md(`${entry.code}: ${entry.reason}`)} |`),
      '',
      '</details>',
    ]);
  }

  let text = '';
  for (const section of sections) {
    const next = `${section.join('\n')}\n\n`;
    if (text.length + next.length > MAX_LENGTH) {
      text += '_Cut to fit a comment; the full report is in the JSON, SARIF or HTML output._\n';
      break;
    }
    text += next;
  }
  return text;
}

const STATUS = { pass: '✅ pass', fail: '❌ fail', notEvaluated: '⚠️ not evaluated', noAutomatedRule: '— no rule' } as const;

function lastSegments(id: string): string {
  const parts = id.split('/').filter(Boolean);
  return parts.length <= 4 ? id : parts.slice(-4).join('/');
}
