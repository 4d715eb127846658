import { UsageError } from '../errors.js';
import type { AnyRule as Rule } from './rule.js';
import { isAtLeast, shiftSeverity, type Severity } from './severity.js';

export interface RuleSelection {
  /** Rule ids or names (`AZ-SQL-001`, `sql-tde-disabled`), case-insensitive; all rules when empty. */
  readonly only?: readonly string[];
  /** Evaluate only rules that can report a finding at least this severe. */
  readonly minSeverity?: Severity;
}

/** The rules a scan runs, in catalogue order. An unknown id is a usage error, not an empty scan. */
export function selectRules(catalogue: readonly Rule[], selection: RuleSelection): Rule[] {
  let rules = [...catalogue];
  if (selection.only && selection.only.length > 0) {
    const wanted = new Set<Rule>();
    for (const text of selection.only) {
      const key = text.trim().toLowerCase();
      const rule = catalogue.find((r) => r.id.toLowerCase() === key || r.name === key);
      if (!rule) throw new UsageError(`--rule: no rule '${text}' (run 'azscan rules' for the catalogue)`);
      wanted.add(rule);
    }
    rules = rules.filter((rule) => wanted.has(rule));
  }
  if (selection.minSeverity !== undefined) {
    const threshold = selection.minSeverity;
    rules = rules.filter((rule) => isAtLeast(highestSeverity(rule), threshold));
  }
  return rules;
}

/** The most severe a finding of the rule can be. */
export function highestSeverity(rule: Rule): Severity {
  return rule.raisesSeverity ? shiftSeverity(rule.severity, 1) : rule.severity;
}

export function findRule(catalogue: readonly Rule[], text: string): Rule | undefined {
  const key = text.trim().toLowerCase();
  return catalogue.find((r) => r.id.toLowerCase() === key || r.name === key);
}
