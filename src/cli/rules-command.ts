import { readFileSync } from 'node:fs';
import { Chalk, type ChalkInstance } from 'chalk';
import { RULES } from '../../rules/index.js';
import { UsageError } from '../inventory/errors.js';
import { ruleMeta } from '../engine/scan.js';
import { type AnyRule as Rule, findRule } from '../model/rule.js';
import { highestSeverity, mapsTo, reachesSeverity } from '../engine/select.js';
import type { ComplianceFramework } from '../model/compliance.js';
import type { Service } from '../model/services.js';
import type { Severity } from '../model/severity.js';
import { PACKAGE_ROOT } from '../inventory/package.js';
import { colorWanted, outputWidth } from './output.js';
import { renderMarkdownForTerminal } from './terminal-markdown.js';
import { wrap, wrapCommand } from '../report/wrap.js';

export interface RulesFlags {
  format: string;
  color: boolean;
  /** Commander has already held these to their choices. */
  service?: Service;
  severity?: Severity;
  compliance?: ComplianceFramework;
}

/**
 * `azscan rules`: the catalogue, as a table or JSON, narrowed by service, by severity (the
 * rules `scan --severity` would run: those whose findings can reach it) and by framework.
 */
export function listRules(flags: RulesFlags): number {
  const { service, severity, compliance } = flags;
  const rules = RULES.filter(
    (rule) => (service === undefined || rule.service === service) && (severity === undefined || reachesSeverity(rule, severity)) && (compliance === undefined || mapsTo(rule, compliance)),
  );
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(rules.map(ruleMeta), null, 2)}\n`);
    return 0;
  }
  const c = new Chalk({ level: colorWanted(process.stdout, flags.color) ? 1 : 0 });
  const filtered = service !== undefined || severity !== undefined || compliance !== undefined;
  const count = `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}${filtered ? ` of ${RULES.length}` : ''}`;
  const width = outputWidth(process.stdout);
  const lines = rules.length > 0 ? rulesTable(rules, width, c) : ['No rule matches.'];
  const notes = [
    ...(rules.some(isRaisable) ? wrap(`+ ${highestSeverityNote}`, width, '  ', '') : []),
    ...wrap(`${count}. --rule takes the id or the name. 'azscan rules show <id>' prints one with its documentation.`, width, ''),
  ];
  process.stdout.write(`${lines.join('\n')}\n\n${notes.join('\n')}\n`);
  return 0;
}

const highestSeverityNote = 'a finding is raised one level when the internet reaches it; --severity counts the raised level.';

/** Whether a finding of the rule can be more severe than its severity. */
function isRaisable(rule: Rule): boolean {
  return highestSeverity(rule) !== rule.severity;
}

/**
 * One row per rule: id, severity, service, name, and the title beside them when the width
 * allows, else on the row's second line.
 */
function rulesTable(rules: readonly Rule[], width: number, c: ChalkInstance): string[] {
  const severity = (rule: Rule): string => `${rule.severity}${isRaisable(rule) ? '+' : ''}`;
  const columns = [
    { title: 'ID', cell: (rule: Rule) => rule.id },
    { title: 'SEVERITY', cell: severity },
    { title: 'SERVICE', cell: (rule: Rule) => rule.service },
    { title: 'NAME', cell: (rule: Rule) => rule.name },
  ];
  const widths = columns.map((column) => Math.max(column.title.length, ...rules.map((rule) => column.cell(rule).length)));
  const left = widths.reduce((sum, w) => sum + w + 2, 0);
  const titleBeside = width - left >= 30;
  const row = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  const header = c.bold(`${row(columns.map((column) => column.title))}${titleBeside ? '  TITLE' : ''}`.trimEnd());
  return [
    header,
    ...rules.flatMap((rule) => {
      const cells = row(columns.map((column) => column.cell(rule)));
      const styled = c.bold(rule.id) + cells.slice(rule.id.length);
      if (titleBeside) return wrap(rule.title, width, ' '.repeat(left), `${styled}  `);
      const indent = ' '.repeat(widths[0]! + 2);
      return [styled.trimEnd(), ...wrap(rule.title, width, indent)];
    }),
  ];
}

/** `azscan rules show ID`: one rule's metadata and its doc, rendered for a terminal. */
export function showRule(idOrName: string, flags: { color: boolean }): number {
  const rule = findRule(RULES, idOrName);
  if (!rule) throw new UsageError(`rules show: no rule '${idOrName}' (run 'azscan rules' for the catalogue)`);
  process.stdout.write(describeRule(rule, outputWidth(process.stdout), colorWanted(process.stdout, flags.color)));
  return 0;
}

export function ruleDocPath(rule: Rule): URL {
  return new URL(`rules/${rule.service}/${rule.name}.md`, PACKAGE_ROOT);
}

/** Where the values of `severity:`, `resources:` and the other labels start. */
const LABEL_INDENT = ' '.repeat('also reads: '.length);

function describeRule(rule: Rule, width: number, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const compliance = Object.entries(rule.compliance)
    .map(([framework, ids]) => `${framework}: ${ids.length > 0 ? ids.join(', ') : '—'}`)
    .join(' · ');
  const raised = isRaisable(rule) ? ` (${highestSeverity(rule)} when the internet reaches it)` : '';
  const labelled = (label: string, value: string): string[] => wrap(value, width, LABEL_INDENT, `${label}:`.padEnd(LABEL_INDENT.length));
  const lines = [
    `${c.bold(rule.id)}  ${rule.name}`,
    rule.title,
    '',
    ...labelled('severity', `${rule.severity}${raised}`),
    ...labelled('service', rule.service),
    ...labelled('resources', rule.resourceTypes.join(', ')),
    ...(rule.requires.length > 0 ? labelled('also reads', rule.requires.join(', ')) : []),
    ...labelled('compliance', compliance),
    '',
    ...wrap(`Fix: ${rule.remediation.text}`, width, '  '),
    ...wrapCommand(rule.remediation.az, width, '  ').map((line) => c.cyan(line)),
    '',
    renderMarkdownForTerminal(readFileSync(ruleDocPath(rule), 'utf8'), { width, color }).trimEnd(),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
