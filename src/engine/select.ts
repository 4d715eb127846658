import { type AnyRule as Rule, findRule } from '../model/rule.js';
import { UsageError } from '../inventory/errors.js';
import type { ComplianceFramework } from '../model/compliance.js';
import { isAtLeast, shiftSeverity, type Severity } from '../model/severity.js';

export interface RuleSelection {
  /** Rule ids or names (`AZ-SQL-001`, `sql-tde-disabled`), case-insensitive; all rules when empty. */
  readonly only?: readonly string[];
  /** Evaluate only rules that can report a finding at least this severe. */
  readonly minSeverity?: Severity;
  /** Evaluate only rules mapped to a control of this framework. */
  readonly compliance?: ComplianceFramework;
  /**
   * Rules the config turns off, and the file that says so. Ignored when `only` names rules:
   * a rule asked for by name is the more specific wish.
   */
  readonly disabled?: { readonly ids: ReadonlySet<string>; readonly source: string };
}

/** One narrowing of the selection, and how to say that it left nothing. */
interface Narrowing {
  /** How it reads after "every rule that": `--severity critical keeps`. */
  readonly keeps: string;
  readonly admits: (rule: Rule) => boolean;
  /** Why nothing is left: `pool` says what was selected before it ("every rule that …"). */
  readonly refusal: (pool: string, before: readonly Rule[]) => string;
}

/**
 * The rules a scan runs, in catalogue order: --rule, then the config's `off`, then --severity,
 * then --compliance. An unknown id is a usage error, and so is a selection that leaves no rule
 * at all: a scan that evaluates nothing must not read as a clean estate. The error names the
 * filter that removed the last rules, and why it removed them.
 */
export function selectRules(catalogue: readonly Rule[], selection: RuleSelection): Rule[] {
  const narrowings: Narrowing[] = [];
  const only = selection.only ?? [];
  if (only.length > 0) {
    const wanted = new Set<Rule>();
    for (const text of only) {
      const rule = findRule(catalogue, text);
      if (!rule) throw new UsageError(`--rule: no rule '${text}' (run 'azscan rules' for the catalogue)`);
      wanted.add(rule);
    }
    // Never refuses: each --rule named a rule of the catalogue.
    narrowings.push({ keeps: `--rule ${only.join(', ')} selects`, admits: (rule) => wanted.has(rule), refusal: () => '' });
  } else if (selection.disabled && selection.disabled.ids.size > 0) {
    const { ids, source } = selection.disabled;
    // First when it applies at all, so what it empties is the whole catalogue.
    narrowings.push({ keeps: `${source} leaves on`, admits: (rule) => !ids.has(rule.id), refusal: () => `${source} turns off every rule` });
  }
  if (selection.minSeverity !== undefined) {
    const threshold = selection.minSeverity;
    narrowings.push({
      keeps: `--severity ${threshold} keeps`,
      admits: (rule) => reachesSeverity(rule, threshold),
      refusal: leavesOut(`--severity ${threshold}`, (rule) => `${rule.id} reports at most ${highestSeverity(rule)}`),
    });
  }
  if (selection.compliance !== undefined) {
    const framework = selection.compliance;
    narrowings.push({
      keeps: `--compliance ${framework} keeps`,
      admits: (rule) => mapsTo(rule, framework),
      refusal: leavesOut(`--compliance ${framework}`, (rule) => `${rule.id} maps to no ${framework} control`),
    });
  }

  let rules = [...catalogue];
  const applied: string[] = [];
  for (const narrowing of narrowings) {
    const kept = rules.filter(narrowing.admits);
    if (kept.length === 0) {
      const pool = applied.length === 0 ? 'every rule' : `every rule that ${applied.join(' and ')}`;
      throw new UsageError(`no rule left to evaluate: ${narrowing.refusal(pool, rules)}`);
    }
    rules = kept;
    applied.push(narrowing.keeps);
  }
  return rules;
}

const REASONS_SHOWN = 3;

/** "--severity critical leaves out every rule that --rule AZ-SQL-003 selects (AZ-SQL-003 reports at most medium)". */
function leavesOut(flag: string, reason: (rule: Rule) => string): Narrowing['refusal'] {
  return (pool, before) => {
    const reasons = before.slice(0, REASONS_SHOWN).map(reason);
    if (before.length > REASONS_SHOWN) reasons.push(`${before.length - REASONS_SHOWN} more`);
    return `${flag} leaves out ${pool} (${reasons.join('; ')})`;
  };
}

/** Whether a finding of the rule can be at least `threshold` (what --severity selects by). */
export function reachesSeverity(rule: Rule, threshold: Severity): boolean {
  return isAtLeast(highestSeverity(rule), threshold);
}

/** Whether the rule answers a control of the framework (what --compliance selects by). */
export function mapsTo(rule: Rule, framework: ComplianceFramework): boolean {
  return rule.compliance[framework].length > 0;
}

/** The most severe a finding of the rule can be. */
export function highestSeverity(rule: Rule): Severity {
  return rule.raisesSeverity ? shiftSeverity(rule.severity, 1) : rule.severity;
}

