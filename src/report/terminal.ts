import { Chalk, type ChalkInstance } from 'chalk';
import { groupBy } from '../collections.js';
import type { ComplianceReport } from '../compliance/evaluate.js';
import type { BaselineReport } from '../engine/baseline.js';
import type { Finding, NotEvaluatedEntry, ScanResult } from '../engine/result.js';
import type { Evidence } from '../engine/rule.js';
import { SEVERITIES, type Severity } from '../engine/severity.js';
import { makesIncomplete } from '../engine/evaluate.js';
import { sanitizeForTerminal as clean } from './sanitize.js';
import { MAX_TEXT, namesIn, shownId, shownName, shownText, truncate } from './text.js';
import { wrap, wrapCommand } from './wrap.js';

export interface TerminalOptions {
  readonly color: boolean;
  /** Show each finding's evidence and full resource id. */
  readonly verbose?: boolean;
  readonly width?: number;
}

const MAX_NAMES_PER_GROUP = 5;

/**
 * The human report: findings grouped by severity and rule, with the fix once per rule,
 * then what was not evaluated, then a summary line. Fits 80 columns; colour only when asked.
 */
export function renderTerminal(result: ScanResult, options: TerminalOptions): string {
  const width = options.width ?? 80;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [...header(result, c), ''];
  const names = new Map(result.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const subscriptionLabel = (id: string | undefined): string | undefined => (id === undefined ? undefined : shownName(names.get(id.toLowerCase()) ?? id));

  const active = result.findings.filter((finding) => !finding.suppressed);
  if (active.length === 0) {
    out.push(c.green('No findings.'), '');
  }
  for (const severity of SEVERITIES) {
    const findings = active.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    out.push(severityLabel(c, severity, `${severity.toUpperCase()} (${findings.length})`), '');
    for (const group of groupBy(findings, (finding) => finding.ruleId)) {
      out.push(...ruleGroup(group, c, width, options.verbose ?? false, subscriptionLabel), '');
    }
  }
  if (result.summary.suppressed > 0) out.push(...suppressedSection(result, c, width), '');
  if (result.notEvaluated.length > 0) out.push(...notEvaluatedSection(result.notEvaluated, c, width), '');
  if (result.compliance) out.push(...complianceSection(result.compliance, c, width), '');
  if (result.baseline) out.push(...baselineSection(result.baseline, c, width), '');
  if (result.skippedSubscriptions.length > 0) {
    const skipped = result.skippedSubscriptions.map((sub) => clean(`${shownName(sub.displayName ?? sub.subscriptionId)} (${sub.state})`));
    out.push(...wrap(`Skipped subscriptions: ${skipped.join(', ')}`, width, '  '), '');
  }
  out.push(...summary(result, c, width));
  return `${out.join('\n')}\n`;
}

function header(result: ScanResult, c: ChalkInstance): string[] {
  const source = result.source;
  const what =
    source.kind === 'live' ? 'live scan' : source.kind === 'array' ? `resource list ${clean(source.path ?? '')}` : `snapshot ${clean(source.path ?? '')}`;
  const lines = [c.bold(`${result.tool.name} ${result.tool.version}`) + ` — ${what}`];
  const details = [
    source.tenantId ? `tenant ${clean(source.tenantId)}` : undefined,
    source.collectedAt ? `collected ${clean(source.collectedAt)}` : undefined,
  ].filter(Boolean);
  if (details.length > 0) lines.push(c.dim(details.join(' · ')));
  return lines;
}

function ruleGroup(findings: Finding[], c: ChalkInstance, width: number, verbose: boolean, subscriptionLabel: (id: string | undefined) => string | undefined): string[] {
  const first = findings[0]!;
  const lines = [`  ${c.bold(first.ruleId)}  ${first.title}`];
  for (const finding of findings) {
    const where = [finding.resourceGroup, subscriptionLabel(finding.subscriptionId)].filter(Boolean).map((s) => clean(shownName(String(s)))).join(' · ');
    lines.push(...wrap(`${c.cyan(clean(shownName(finding.resourceName)))}${where ? c.dim(` (${where})`) : ''}`, width, '      ', '    • '));
    if (verbose) lines.push(...wrap(c.dim(clean(shownId(finding.resourceId))), width, '      ', '      '));
    lines.push(...wrap(clean(shownText(finding.message, namesIn(finding.resourceName))) + (finding.baselineState === 'new' ? c.yellow(' [new]') : ''), width, '      '));
    if (verbose) for (const item of finding.evidence) lines.push(...wrap(c.dim(evidenceText(item)), width, '          ', '      ◦ '));
  }
  lines.push(...wrap(`Fix: ${first.remediation.text}`, width, '         ', '    '));
  lines.push(...wrapCommand(first.remediation.az, width, '         ', '         '));
  return lines;
}

function suppressedSection(result: ScanResult, c: ChalkInstance, width: number): string[] {
  const lines = [c.dim.bold(`SUPPRESSED (${result.summary.suppressed})`), ''];
  for (const finding of result.findings.filter((f) => f.suppressed)) {
    const until = finding.suppressed!.expires ? ` until ${finding.suppressed!.expires}` : '';
    lines.push(...wrap(clean(`${finding.ruleId} ${shownName(finding.resourceName)} — ${shownText(finding.suppressed!.reason)}${until}`), width, '      ', '  '));
  }
  for (const expired of result.suppressions?.expired ?? []) {
    lines.push(...wrap(clean(`expired ${expired.expires}: ${expired.rule} on ${shownName(expired.resource)} (${expired.matches} finding${expired.matches === 1 ? '' : 's'} shown again)`), width, '      ', '  '));
  }
  return lines;
}

function complianceSection(report: ComplianceReport, c: ChalkInstance, width: number): string[] {
  const k = report.counts;
  const lines = [
    c.bold(report.title.toUpperCase()),
    ...wrap(`${k.pass} pass · ${k.fail} fail · ${k.notEvaluated} not evaluated · ${k.noAutomatedRule} with no automated rule (check those by hand)`, width, '  ', '  '),
    '',
  ];
  const mark = { pass: c.green('pass'), fail: c.red('FAIL'), notEvaluated: c.magenta('n/e '), noAutomatedRule: '' } as const;
  for (const control of report.controls.filter((control) => control.status !== 'noAutomatedRule')) {
    const detail = control.status === 'fail' ? ` (${control.findings} finding${control.findings === 1 ? '' : 's'})` : '';
    lines.push(...wrap(`${mark[control.status]} ${control.id} ${control.title} [${control.rules.join(', ')}]${detail}`, width, '       ', '  '));
  }
  return lines;
}

function baselineSection(report: BaselineReport, c: ChalkInstance, width: number): string[] {
  const lines = [c.bold(`SINCE THE BASELINE`) + c.dim(` ${clean(report.path)}`), `  ${report.new} new · ${report.existing} existing · ${report.fixed.length} fixed`];
  for (const fixed of report.fixed.slice(0, 20)) lines.push(...wrap(clean(`fixed: ${fixed.ruleId} ${lastNames(fixed.resourceId)} — ${shownText(fixed.title)}`), width, '      ', '  '));
  if (report.fixed.length > 20) lines.push(`  …and ${report.fixed.length - 20} more fixed`);
  if (report.unknown.length > 0) lines.push(c.dim(`  ${report.unknown.length} baseline finding${report.unknown.length === 1 ? '' : 's'} not re-checked by this scan (rule not run, or resource not evaluated)`));
  return lines;
}

function evidenceText(item: Evidence): string {
  const value = item.absent ? '(not set)' : truncate(JSON.stringify(item.value) ?? 'undefined', 60);
  return clean(`${truncate(item.path, MAX_TEXT)} = ${value}${item.note ? ` — ${shownText(item.note)}` : ''}`);
}

function notEvaluatedSection(entries: readonly NotEvaluatedEntry[], c: ChalkInstance, width: number): string[] {
  const lines = [c.magenta.bold(`NOT EVALUATED (${entries.length})`), ''];
  const groups = groupBy(entries, (entry) => `${entry.ruleId ?? ''}|${entry.code}|${entry.reason}`);
  for (const group of groups) {
    const first = group[0]!;
    const rule = first.ruleId ?? 'input';
    const count = group.length > 1 ? ` × ${group.length}` : '';
    const note = makesIncomplete(first) ? '' : ' (no selected rule reads this type)';
    lines.push(...wrap(`${c.bold(rule)}${count}  ${clean(shownText(first.reason, first.resourceId ? first.resourceId.split('/') : []))}${note}`, width, '      ', '  '));
    const names = group.map((entry) => clean(entry.resourceId ? lastNames(entry.resourceId) : (entry.inputLocation ?? '?')));
    const shown = names.slice(0, MAX_NAMES_PER_GROUP).join(', ') + (names.length > MAX_NAMES_PER_GROUP ? `, and ${names.length - MAX_NAMES_PER_GROUP} more` : '');
    lines.push(...wrap(c.dim(shown), width, '      ', '      '));
  }
  return lines;
}

function summary(result: ScanResult, c: ChalkInstance, width: number): string[] {
  const s = result.summary;
  const counts = SEVERITIES.map((severity) => severityLabel(c, severity, `${s.findings[severity]} ${severity}`)).join(' · ');
  const state = s.complete ? c.green('scan complete') : c.magenta.bold('scan INCOMPLETE: some data could not be read');
  const second = `${s.resourcesEvaluated} resources · ${s.rulesEvaluated} rules evaluated · ${s.notEvaluated} not evaluated · ${state}`;
  const suppressed = s.suppressed > 0 ? `, ${s.suppressed} suppressed` : '';
  const lines = [`${c.bold('Summary:')} ${counts}  (${s.findings.total} finding${s.findings.total === 1 ? '' : 's'}${suppressed})`];
  lines.push(...wrap(second, width, '         ', '         '));
  if (result.collectionErrors.length > 0) {
    lines.push(c.dim(`         ${result.collectionErrors.length} read error${result.collectionErrors.length === 1 ? '' : 's'} recorded in the input (listed in --format json)`));
  }
  return lines;
}

function severityLabel(c: ChalkInstance, severity: Severity, text: string): string {
  switch (severity) {
    case 'critical':
      return c.red.bold(text);
    case 'high':
      return c.red(text);
    case 'medium':
      return c.yellow(text);
    case 'low':
      return c.blue(text);
  }
}

/** `nsg-a/securityRules/allow` → the last name segments, enough to recognise a resource. */
function lastNames(id: string): string {
  const parts = id.split('/').filter(Boolean);
  if (parts.length <= 2) return shownId(id);
  const names = [];
  for (let i = parts.length - 1; i >= 1 && names.length < 2; i -= 2) {
    if (parts[i - 1]?.toLowerCase() === 'providers') break;
    names.unshift(shownName(parts[i]!));
  }
  return names.join('/');
}
