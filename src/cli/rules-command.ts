import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { RULES } from '../../rules/index.js';
import { UsageError } from '../errors.js';
import { ruleMeta } from '../engine/scan.js';
import { findRule } from '../engine/select.js';
import type { AnyRule as Rule } from '../engine/rule.js';
import { PACKAGE_ROOT } from '../version.js';
import { colorWanted } from './output.js';
import { wrap } from '../report/wrap.js';

/** `azscan rules`: the catalogue, as a table or JSON. */
export function listRules(flags: { format: string; color: boolean }): number {
  const format = flags.format.toLowerCase();
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(RULES.map(ruleMeta), null, 2)}\n`);
    return 0;
  }
  if (format !== 'table') throw new UsageError(`--format: unknown format '${flags.format}' (expected table, json)`);
  const c = new Chalk({ level: colorWanted(process.stdout, flags.color) ? 1 : 0 });
  const lines = RULES.map((rule) => `${c.bold(rule.id.padEnd(11))} ${rule.severity.padEnd(8)} ${rule.title}`);
  process.stdout.write(`${lines.join('\n')}\n\n${RULES.length} rules. 'azscan rules show <id>' prints one with its documentation.\n`);
  return 0;
}

/** `azscan rules show ID`: one rule's metadata and its doc. */
export function showRule(idOrName: string): number {
  const rule = findRule(RULES, idOrName);
  if (!rule) throw new UsageError(`rules show: no rule '${idOrName}' (run 'azscan rules' for the catalogue)`);
  process.stdout.write(describeRule(rule));
  return 0;
}

export function ruleDocPath(rule: Rule): URL {
  return new URL(`rules/${rule.service}/${rule.name}.md`, PACKAGE_ROOT);
}

function describeRule(rule: Rule): string {
  const compliance = Object.entries(rule.compliance)
    .map(([framework, ids]) => `${framework}: ${ids.length > 0 ? ids.join(', ') : '—'}`)
    .join(' · ');
  const lines = [
    `${rule.id}  ${rule.name}`,
    rule.title,
    '',
    `severity:   ${rule.severity}`,
    `resources:  ${rule.resourceTypes.join(', ')}`,
    ...(rule.requires.length > 0 ? [`also reads: ${rule.requires.join(', ')}`] : []),
    `compliance: ${compliance}`,
    '',
    ...wrap(`Fix: ${rule.remediation.text}`, 80, '  '),
    `  ${rule.remediation.az}`,
    '',
    readFileSync(ruleDocPath(rule), 'utf8').trimEnd(),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
