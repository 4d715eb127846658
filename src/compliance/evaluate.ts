import { COMPLIANCE_FRAMEWORKS, type ComplianceFramework, type RuleMeta } from '../engine/rule.js';
import type { Finding, Outcome } from '../engine/result.js';
import { controlsOf } from './frameworks.js';

export type ControlStatus = 'pass' | 'fail' | 'notEvaluated' | 'noAutomatedRule';

export interface ControlResult {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly status: ControlStatus;
  /** azscan rules mapped to the control. */
  readonly rules: readonly string[];
  /** Findings in force from those rules. */
  readonly findings: number;
  /** Rule × resource outcomes of those rules that could not be evaluated. */
  readonly notEvaluated: number;
}

export interface ComplianceReport {
  readonly framework: ComplianceFramework;
  readonly title: string;
  readonly controls: readonly ControlResult[];
  readonly counts: { readonly [S in ControlStatus]: number };
}

/**
 * Each control of a framework as this scan saw it: failed when a mapped rule has a finding in
 * force (suppressed findings are accepted risk); not evaluated when, short of that, a mapped
 * rule could not evaluate something; passed otherwise; and "no automated rule" when azscan has
 * no rule for it — which a consultant still has to check by hand.
 */
export function evaluateCompliance(
  framework: ComplianceFramework,
  rules: readonly RuleMeta[],
  outcomes: readonly Outcome[],
  findings: readonly Finding[],
): ComplianceReport {
  const findingsByRule = countBy(findings.filter((finding) => !finding.suppressed).map((finding) => finding.ruleId));
  const errorsByRule = countBy(outcomes.filter((outcome) => outcome.status === 'error').map((outcome) => outcome.ruleId));
  const controls = controlsOf(framework).map((control): ControlResult => {
    const mapped = rules.filter((rule) => rule.compliance[framework].includes(control.id)).map((rule) => rule.id);
    const failing = mapped.reduce((sum, id) => sum + (findingsByRule.get(id) ?? 0), 0);
    const unread = mapped.reduce((sum, id) => sum + (errorsByRule.get(id) ?? 0), 0);
    const status: ControlStatus = mapped.length === 0 ? 'noAutomatedRule' : failing > 0 ? 'fail' : unread > 0 ? 'notEvaluated' : 'pass';
    return { ...control, status, rules: mapped, findings: failing, notEvaluated: unread };
  });
  const counts = { pass: 0, fail: 0, notEvaluated: 0, noAutomatedRule: 0 };
  for (const control of controls) counts[control.status]++;
  return { framework, title: COMPLIANCE_FRAMEWORKS[framework], controls, counts };
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
