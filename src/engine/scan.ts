import type { Inventory } from '../inventory/inventory.js';
import { TOOL } from '../version.js';
import { evaluate, makesIncomplete } from './evaluate.js';
import type { Finding, Outcome, OutcomeStatus, ScanResult, ScanSummary } from './result.js';
import type { Rule, RuleMeta } from './rule.js';
import { isAtLeast, SEVERITIES, severityRank, type Severity } from './severity.js';

export interface ScanOptions {
  readonly rules: readonly Rule[];
  /** Findings below this severity are evaluated but not shown or counted. */
  readonly minSeverity?: Severity;
}

/** Evaluates the rules over the inventory and assembles the result every reporter reads. */
export function scanInventory(inventory: Inventory, options: ScanOptions): ScanResult {
  const { outcomes, notEvaluated, resourcesEvaluated } = evaluate(inventory, options.rules);
  const threshold = options.minSeverity;
  const findings = outcomes
    .flatMap((outcome) => outcome.findings)
    .filter((finding) => threshold === undefined || isAtLeast(finding.severity, threshold))
    .sort(compareFindings);
  const summary: ScanSummary = {
    findings: countBySeverity(findings),
    resourcesEvaluated,
    rulesEvaluated: options.rules.length,
    outcomes: countByStatus(outcomes),
    notEvaluated: notEvaluated.length,
    complete: !notEvaluated.some(makesIncomplete),
  };
  return {
    tool: TOOL,
    source: inventory.source,
    subscriptions: inventory.subscriptions,
    rules: options.rules.map(ruleMeta),
    outcomes,
    findings,
    notEvaluated,
    collectionErrors: inventory.errors,
    summary,
  };
}

/** Most severe first, then by rule and resource, so reports are stable across runs. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.resourceId.toLowerCase().localeCompare(b.resourceId.toLowerCase())
  );
}

function countBySeverity(findings: readonly Finding[]): ScanSummary['findings'] {
  const counts = { total: findings.length, critical: 0, high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function countByStatus(outcomes: readonly Outcome[]): Record<OutcomeStatus, number> {
  const counts: Record<OutcomeStatus, number> = { pass: 0, fail: 0, notApplicable: 0, error: 0 };
  for (const outcome of outcomes) counts[outcome.status]++;
  return counts;
}

/** A rule without its check function: what reports carry. */
export function ruleMeta(rule: Rule): RuleMeta {
  const { check: _check, ...meta } = rule;
  return meta;
}

export { SEVERITIES };
