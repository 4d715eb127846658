import { Chalk, type ChalkInstance } from 'chalk';
import { groupBy, pushTo } from '../inventory/collections.js';
import { isRated, type ComplianceReport } from '../model/compliance.js';
import type { BaselineReport } from '../model/baseline.js';
import { type Finding, makesIncomplete, type NotEvaluatedEntry, type ScanResult } from '../model/result.js';
import type { Evidence } from '../model/evidence.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { parseArmId, typeKey } from '../inventory/arm-id.js';
import { SUBSCRIPTION_TYPE } from '../inventory/arm-types.js';
import { sanitizeForTerminal as clean } from './sanitize.js';
import { countOf } from './passes.js';
import { resourceTypeLabel } from './resource-types.js';
import { MAX_TEXT, namesIn, plural, shownId, shownName, shownText, truncate } from './text.js';
import { visibleLength, wrap, wrapCommand } from './wrap.js';

export interface TerminalOptions {
  readonly color: boolean;
  /** Show each finding's evidence and full resource id. */
  readonly verbose?: boolean;
  /** The terminal's columns; absent (80) when the report is not written to a terminal. */
  readonly width?: number | undefined;
}

const MAX_NAMES_PER_GROUP = 5;
const MAX_REASONS_PER_GROUP = 3;
/** Where no terminal width is known: a pipe, a file, a CI log. */
const DEFAULT_WIDTH = 80;
/** Narrower, the indented lines would hold a word or two each. */
const MIN_WIDTH = 40;

/** The columns to wrap at: the terminal's, at least MIN_WIDTH; 80 when none is known (a terminal may report 0). */
function wrapWidth(width: number | undefined): number {
  return width !== undefined && Number.isInteger(width) && width > 0 ? Math.max(MIN_WIDTH, width) : DEFAULT_WIDTH;
}

/**
 * The human report: findings grouped by severity and rule, with the fix once per rule,
 * then what was not evaluated, grouped by cause, then a summary line. Wraps at the width
 * given; colour only when asked.
 */
export function renderTerminal(result: ScanResult, options: TerminalOptions): string {
  return `${terminalLines(result, options).join('\n')}\n`;
}

/** The lines of the table report, without their line ends: written a line at a time, the report is never one string. */
export function terminalLines(result: ScanResult, options: TerminalOptions): string[] {
  const width = wrapWidth(options.width);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [...header(result, c), ''];
  const names = new Map(result.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s.displayName]));
  const subscriptionLabel = (id: string | undefined): string | undefined => (id === undefined ? undefined : shownName(names.get(id.toLowerCase()) ?? id));

  // One pass over the findings, into those in force by severity and those suppressed.
  const active = new Map<Severity, Finding[]>(SEVERITIES.map((severity) => [severity, []]));
  const suppressed: Finding[] = [];
  for (const finding of result.findings) {
    if (finding.suppressed) suppressed.push(finding);
    else active.get(finding.severity)!.push(finding);
  }
  if (result.summary.findings.total === 0) {
    out.push(c.green('No findings.'), '');
  }
  for (const severity of SEVERITIES) {
    const findings = active.get(severity)!;
    if (findings.length === 0) continue;
    out.push(severityLabel(c, severity, `${severity.toUpperCase()} (${findings.length})`), '');
    for (const group of groupBy(findings, (finding) => finding.ruleId)) {
      out.push(...ruleGroup(group, c, width, options.verbose ?? false, subscriptionLabel), '');
    }
  }
  if (result.summary.suppressed > 0) out.push(...suppressedSection(result, suppressed, c, width), '');
  if (result.summary.notEvaluated > 0) out.push(...notEvaluatedSection(result.notEvaluated, result.summary.notEvaluated, c, width, subscriptionLabel), '');
  if (result.compliance) out.push(...complianceSection(result.compliance, c, width), '');
  if (result.baseline) out.push(...baselineSection(result.baseline, c, width), '');
  if (result.skippedSubscriptions.length > 0) {
    const skipped = result.skippedSubscriptions.map((sub) => clean(`${shownName(sub.displayName ?? sub.subscriptionId)} (${sub.state})`));
    out.push(...wrap(`Skipped subscriptions: ${skipped.join(', ')}`, width, '  '), '');
  }
  out.push(...summary(result, c, width));
  return out;
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

function suppressedSection(result: ScanResult, suppressed: readonly Finding[], c: ChalkInstance, width: number): string[] {
  const lines = [c.dim.bold(`SUPPRESSED (${result.summary.suppressed})`), ''];
  for (const finding of suppressed) {
    const until = finding.suppressed!.expires ? ` until ${finding.suppressed!.expires}` : '';
    lines.push(...wrap(clean(`${finding.ruleId} ${shownName(finding.resourceName)} — ${shownText(finding.suppressed!.reason)}${until}`), width, '      ', '  '));
  }
  for (const expired of result.suppressions?.expired ?? []) {
    lines.push(...wrap(clean(`expired ${expired.expires}: ${expired.rule} on ${shownName(expired.resource)} (${plural(expired.matches, 'finding')} shown again)`), width, '      ', '  '));
  }
  return lines;
}

function complianceSection(report: ComplianceReport, c: ChalkInstance, width: number): string[] {
  const k = report.counts;
  const lines = [
    c.bold(report.title.toUpperCase()),
    ...wrap(`${k.pass} pass · ${k.fail} fail · ${k.notEvaluated} not evaluated · ${k.manual} manual · ${k.noRule} with no rule (check those by hand)`, width, '  ', '  '),
    '',
  ];
  const mark = { pass: c.green('pass'), fail: c.red('FAIL'), notEvaluated: c.magenta('n/e '), manual: '', noRule: '' } as const;
  for (const control of report.controls.filter((control) => isRated(control.status))) {
    const detail = control.status === 'fail' ? ` (${plural(control.findings, 'finding')})` : '';
    lines.push(...wrap(`${mark[control.status]} ${control.id} ${control.title} [${control.rules.join(', ')}]${detail}`, width, '       ', '  '));
  }
  return lines;
}

function baselineSection(report: BaselineReport, c: ChalkInstance, width: number): string[] {
  const lines = [c.bold(`SINCE THE BASELINE`) + c.dim(` ${clean(report.path)}`), `  ${report.new} new · ${report.existing} existing · ${report.fixed.length} fixed`];
  for (const fixed of report.fixed.slice(0, 20)) lines.push(...wrap(clean(`fixed: ${fixed.ruleId} ${lastNames(fixed.resourceId)} — ${shownText(fixed.title)}`), width, '      ', '  '));
  if (report.fixed.length > 20) lines.push(`  …and ${report.fixed.length - 20} more fixed`);
  if (report.unknown.length > 0) lines.push(c.dim(`  ${plural(report.unknown.length, 'baseline finding')} not re-checked by this scan (rule not run, or resource not evaluated)`));
  return lines;
}

function evidenceText(item: Evidence): string {
  const value = item.absent ? '(not set)' : truncate(JSON.stringify(item.value) ?? 'undefined', 60);
  return clean(`${truncate(item.path, MAX_TEXT)} = ${value}${item.note ? ` — ${shownText(item.note)}` : ''}`);
}

/**
 * What was not evaluated, one group per cause: the kind of resource, the subscription and the
 * error code (one 403 on a subscription's SQL servers fails every SQL rule on each of them).
 * Each group says how many rule × resource checks it stopped and on how many resources, the
 * reasons with the rules they stopped, and a few of the resources.
 */
function notEvaluatedSection(entries: Iterable<NotEvaluatedEntry>, total: number, c: ChalkInstance, width: number, subscriptionLabel: (id: string | undefined) => string | undefined): string[] {
  const lines = [c.magenta.bold(`NOT EVALUATED (${total})`), ''];
  const groups = new Map<string, NotEvaluatedEntry[]>();
  for (const entry of entries) pushTo(groups, `${(entry.resourceType ?? '').toLowerCase()}|${(entry.subscriptionId ?? '').toLowerCase()}|${entry.code}`, entry);
  for (const group of groups.values()) {
    const first = group[0]!;
    const type = resourceTypeLabel(first.resourceType);
    const isSubscription = typeKey(first.resourceType ?? '') === typeKey(SUBSCRIPTION_TYPE);
    const subscription = subscriptionLabel(first.subscriptionId);
    const where = subscription === undefined || isSubscription ? '' : subscription === first.subscriptionId ? ` in subscription ${subscription}` : ` in ${subscription}`;
    const resources = [...new Set(group.map((entry) => entry.resourceId ?? entry.inputLocation ?? '?'))];
    const checks = group.filter((entry) => entry.ruleId !== undefined).length;
    // A failed list is recorded at its scope (the subscription): its resources were never seen.
    const unlisted = !isSubscription && resources.some((id) => typeKey(parseArmId(id).type ?? '') !== typeKey(first.resourceType ?? ''));
    const seen = unlisted ? resources.filter((id) => typeKey(parseArmId(id).type ?? '') === typeKey(first.resourceType ?? '')).length : resources.length;
    const count = [seen > 0 || !unlisted ? plural(seen, type.one, type.many) : '', unlisted ? `${type.many} that could not be listed` : ''].filter(Boolean).join(' and ');
    const counts = checks > 0 ? `${plural(checks, 'check')} on ${count}` : `${count} not read`;
    const note = makesIncomplete(first) ? '' : ' (no selected rule reads this type)';
    lines.push(...wrap(`${c.bold(clean(`${type.heading}${where}`))}: ${clean(shownName(first.code))} — ${counts}${note}`, width, '      ', '  '));

    const reasons = groupBy(group, (entry) => entry.reason);
    for (const same of reasons.slice(0, MAX_REASONS_PER_GROUP)) {
      const rules = [...new Set(same.map((entry) => entry.ruleId ?? 'input'))];
      const reason = shownText(same[0]!.reason, same[0]!.resourceId?.split('/'));
      lines.push(...wrap(`${rules.join(', ')}: ${clean(reason)}`, width, '        ', '      '));
    }
    if (reasons.length > MAX_REASONS_PER_GROUP) lines.push(...wrap(`and ${plural(reasons.length - MAX_REASONS_PER_GROUP, 'other reason')}`, width, '        ', '      '));

    const names = resources.map((id) => clean(isSubscription ? (subscriptionLabel(id.split('/').filter(Boolean)[1] ?? id) ?? id) : lastNames(id)));
    const shown = names.slice(0, MAX_NAMES_PER_GROUP).join(', ') + (names.length > MAX_NAMES_PER_GROUP ? `, and ${names.length - MAX_NAMES_PER_GROUP} more` : '');
    lines.push(...wrap(c.dim(shown), width, '      ', '      '));
  }
  return lines;
}

function summary(result: ScanResult, c: ChalkInstance, width: number): string[] {
  const s = result.summary;
  const counts = SEVERITIES.map((severity) => severityLabel(c, severity, `${s.findings[severity]} ${severity}`)).join(' · ');
  const state = s.complete ? c.green('scan complete') : c.magenta.bold('scan INCOMPLETE: some data could not be read');
  const second = wrap(`${plural(s.resourcesEvaluated, 'resource')} · ${plural(s.rulesEvaluated, 'rule')} evaluated · ${s.notEvaluated} not evaluated`, width, '         ', '         ');
  // The verdict is never split across lines: it goes on the last line if it fits, else on its own.
  const last = second.length - 1;
  if (visibleLength(second[last]!) + 3 + visibleLength(state) <= width) second[last] += ` · ${state}`;
  else second.push(`         ${state}`);
  const suppressed = s.suppressed > 0 ? `, ${s.suppressed} suppressed` : '';
  const lines = [`${c.bold('Summary:')} ${counts}  (${plural(s.findings.total, 'finding')}${suppressed})`];
  lines.push(...second);
  const readErrors = countOf(result.collectionErrors);
  if (readErrors > 0) {
    lines.push(c.dim(`         ${plural(readErrors, 'read error')} recorded in the input (listed in --format json)`));
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
