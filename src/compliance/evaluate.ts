import { COMPLIANCE_FRAMEWORKS, NO_RULE_REASONS, type ComplianceFramework, type ComplianceReport, type ControlResult, type ControlStatus } from '../model/compliance.js';
import type { RuleMeta } from '../model/rule.js';
import type { Finding, NotEvaluatedEntry } from '../model/result.js';
import { controlsOf } from './frameworks.js';

/**
 * Each control of a framework as this scan saw it, from its own findings and its own unread
 * parts: failed when a finding in force answers it (suppressed findings are accepted risk);
 * not evaluated when, short of that, something a mapped rule needed for it could not be read;
 * passed otherwise. A control no rule answers is `manual` when the framework marks it so, and
 * `noRule` otherwise, with the coverage table's reason — either way a consultant checks it by hand. A finding answers the controls it carries, which for
 * a rule covering several controls (one per Defender plan) may be fewer than the rule's.
 */
export function evaluateCompliance(
  framework: ComplianceFramework,
  rules: readonly RuleMeta[],
  notEvaluated: readonly NotEvaluatedEntry[],
  findings: readonly Finding[],
): ComplianceReport {
  const failing = countByControl(findings.filter((finding) => !finding.suppressed).map((finding) => finding.compliance[framework]));
  const mappedBy = new Map(rules.map((rule) => [rule.id, rule.compliance[framework]]));
  const unread = countByControl(
    notEvaluated.flatMap((entry) => {
      if (entry.ruleId === undefined || !mappedBy.has(entry.ruleId)) return [];
      return [entry.compliance?.[framework] ?? mappedBy.get(entry.ruleId)!];
    }),
  );
  const controls = controlsOf(framework).map((control): ControlResult => {
    const mapped = rules.filter((rule) => rule.compliance[framework].includes(control.id)).map((rule) => rule.id);
    const failed = failing.get(control.id) ?? 0;
    const notRead = unread.get(control.id) ?? 0;
    const status: ControlStatus = mapped.length > 0 ? (failed > 0 ? 'fail' : notRead > 0 ? 'notEvaluated' : 'pass') : control.automated === false ? 'manual' : 'noRule';
    const { noRule, ...fields } = control;
    const reason = status === 'noRule' && noRule !== undefined ? `${NO_RULE_REASONS[noRule.reason]}: ${noRule.why}` : undefined;
    return { ...fields, status, ...(reason === undefined ? {} : { reason }), rules: mapped, findings: failed, notEvaluated: notRead };
  });
  const counts = { pass: 0, fail: 0, notEvaluated: 0, manual: 0, noRule: 0 };
  for (const control of controls) counts[control.status]++;
  return { framework, title: COMPLIANCE_FRAMEWORKS[framework], controls, counts };
}

/** How many of the items answer each control. */
function countByControl(controlLists: ReadonlyArray<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const controls of controlLists) for (const control of controls) counts.set(control, (counts.get(control) ?? 0) + 1);
  return counts;
}
