import { evaluateCompliance } from '../compliance/evaluate.js';
import type { SuppressionReport, SuppressionRule } from '../model/suppression.js';
import type { Inventory } from '../inventory/inventory.js';
import type { ComplianceFramework } from '../model/compliance.js';
import { compareWithBaseline, type Baseline } from './baseline.js';
import type { BaselineReport } from '../model/baseline.js';
import { applySuppressions, isoToday } from './suppress.js';
import { skippedSubscriptions } from '../inventory/subscriptions.js';
import { TOOL } from '../inventory/package.js';
import { evaluate } from './evaluate.js';
import { ShardScope, type ScanShard } from './shard-scope.js';
import {
  type Finding,
  makesIncomplete,
  type Outcome,
  type OutcomeStatus,
  type ReportedCollectionError,
  type ReportedSubscription,
  type ReportSource,
  type ScanResult,
  type ScanSummary,
} from '../model/result.js';
import type { AnyRule as Rule, RuleMeta } from '../model/rule.js';
import { isAtLeast, SEVERITIES, severityRank, type Severity } from '../model/severity.js';

export interface ScanOptions {
  /** The rules to run, with any severity overrides from the config already applied. */
  readonly rules: readonly Rule[];
  /** Findings below this severity are evaluated but not shown or counted. */
  readonly minSeverity?: Severity;
  /** Options by rule id, validated against each rule's schema (from the config file). */
  readonly ruleOptions?: ReadonlyMap<string, unknown>;
  readonly suppressions?: readonly SuppressionRule[];
  /** ISO date that suppressions' `expires` are compared with; today when absent. */
  readonly today?: string;
  readonly baseline?: Baseline;
  readonly compliance?: ComplianceFramework;
  /** `--shard I/N`: evaluate only what this shard owns (see ShardScope). */
  readonly shard?: ScanShard;
}

/** Evaluates the rules over the inventory and assembles the result every reporter reads. */
export function scanInventory(inventory: Inventory, options: ScanOptions): ScanResult {
  const shard = options.shard === undefined ? undefined : new ShardScope(options.shard, inventory);
  const { outcomes, notEvaluated, resourcesEvaluated, resourcesBySubscription } = evaluate(inventory, options.rules, options.ruleOptions, shard);
  const threshold = options.minSeverity;
  const shown: Finding[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'fail') continue;
    for (const finding of outcome.findings) if (threshold === undefined || isAtLeast(finding.severity, threshold)) shown.push(finding);
  }
  let findings = sortFindings(shown);
  const complete = !notEvaluated.some(makesIncomplete);

  let suppressions: SuppressionReport | undefined;
  if (options.suppressions && options.suppressions.length > 0) {
    ({ findings, report: suppressions } = applySuppressions(findings, options.suppressions, options.today ?? isoToday()));
  }
  let baseline: BaselineReport | undefined;
  if (options.baseline) ({ findings, report: baseline } = compareWithBaseline(findings, outcomes, options.rules, complete, options.baseline));
  const rules = options.rules.map(ruleMeta);
  const compliance = options.compliance ? evaluateCompliance(options.compliance, rules, notEvaluated, findings) : undefined;

  const summary: ScanSummary = {
    findings: countBySeverity(findings.filter((finding) => !finding.suppressed)),
    suppressed: suppressions?.suppressed ?? 0,
    resourcesEvaluated,
    rulesEvaluated: options.rules.length,
    outcomes: countByStatus(outcomes),
    notEvaluated: notEvaluated.length,
    complete,
  };
  const listed = shard ? inventory.subscriptions.filter((sub) => shard.ownsSubscription(sub.subscriptionId)) : inventory.subscriptions;
  return {
    ...(suppressions ? { suppressions } : {}),
    ...(baseline ? { baseline } : {}),
    ...(compliance ? { compliance } : {}),
    tool: TOOL,
    source: sourceOf(inventory, options.shard),
    subscriptions: reportedSubscriptions(inventory, resourcesBySubscription, shard),
    skippedSubscriptions: skippedSubscriptions(listed),
    rules,
    outcomes,
    findings,
    notEvaluated,
    collectionErrors: shardErrors(inventory, shard),
    summary,
  };
}

function sourceOf(inventory: Inventory, shard: ScanShard | undefined): ReportSource {
  if (shard === undefined) return inventory.source;
  const { index, assignment, selectionHash } = shard;
  return { ...inventory.source, shard: { index, count: assignment.count, assignment: assignment.mode, selectionHash } };
}

/** The subscriptions in scope (a shard's own), each with how many of its resources were evaluated. */
function reportedSubscriptions(inventory: Inventory, evaluated: ReadonlyMap<string, number>, shard: ShardScope | undefined): ReportedSubscription[] {
  const reported: ReportedSubscription[] = [];
  inventory.subscriptions.forEach((sub, position) => {
    if (shard && !shard.ownsSubscription(sub.subscriptionId)) return;
    const counted = { ...sub, resourcesEvaluated: evaluated.get(sub.subscriptionId.toLowerCase()) ?? 0 };
    reported.push(shard ? { ...counted, inputOrder: shard.subscriptionOrder(sub.subscriptionId, position) } : counted);
  });
  return reported;
}

/** Every failed read, or a shard's: those scoped to its subscriptions (tenant-level ones in shard 1). */
function shardErrors(inventory: Inventory, shard: ShardScope | undefined): readonly ReportedCollectionError[] {
  if (!shard) return inventory.errors;
  const owned: ReportedCollectionError[] = [];
  inventory.errors.forEach((error, position) => {
    if (shard.ownsScope(error.scope)) owned.push({ ...error, inputOrder: shard.errorOrder(error, position) });
  });
  return owned;
}

/**
 * Most severe first, then by rule id; within a rule, in inventory order — the order of the
 * snapshot, or of resource ids for a live collection, so reports are stable across runs.
 * A stable bucketing rather than a sort: comparing long ids that share a `/subscriptions/…`
 * prefix is what a large scan would otherwise spend its time on.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const buckets = new Map<string, Finding[]>();
  for (const finding of findings) {
    const bucket = `${5 - severityRank(finding.severity)}|${finding.ruleId}`;
    const list = buckets.get(bucket);
    if (list) list.push(finding);
    else buckets.set(bucket, [finding]);
  }
  const sorted: Finding[] = [];
  for (const bucket of [...buckets.keys()].sort()) for (const finding of buckets.get(bucket)!) sorted.push(finding);
  return sorted;
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
  // Field by field, in one order: a rule built from shared parts (the NSG rules spread theirs
  // in first) must not change the order `rules --format json` prints them in.
  return {
    id: rule.id,
    name: rule.name,
    title: rule.title,
    severity: rule.severity,
    ...(rule.raisesSeverity ? { raisesSeverity: rule.raisesSeverity } : {}),
    service: rule.service,
    resourceTypes: rule.resourceTypes,
    requires: rule.requires,
    description: rule.description,
    rationale: rule.rationale,
    remediation: rule.remediation,
    references: rule.references,
    compliance: rule.compliance,
  };
}

export { SEVERITIES };
