import { evaluateCompliance } from '../compliance/evaluate.js';
import { InputError } from '../inventory/errors.js';
import { isScannedState } from '../inventory/subscriptions.js';
import type { JsonObject } from '../inventory/types.js';
import { COMPLIANCE_FRAMEWORKS, type ComplianceFramework } from '../model/compliance.js';
import type { Finding, InputOrder, NotEvaluatedEntry } from '../model/result.js';
import type { RuleMeta } from '../model/rule.js';
import { SEVERITIES, severityRank, type Severity } from '../model/severity.js';
import type { ShardReport } from './shard-report.js';
import { compareInputOrder } from './shard-scope.js';

export interface MergedReport {
  /** The merged `--format json` document, in the report's key order. */
  readonly document: JsonObject;
  /** Shards (1-based) no report was given for: the merged report is incomplete without them. */
  readonly missing: readonly number[];
}

/**
 * Combines the reports of the N shards of one split scan into the report the unsharded scan
 * would have written: the same findings in the same order (most severe first, then rule id,
 * then the input's order, by each item's `inputOrder`), fingerprints, summary, not-evaluated
 * entries, failed reads, suppressions and compliance. The shards must come from one azscan
 * version and one selection (`source.shard.selectionHash`), each index at most once; a shard
 * missing leaves the report incomplete, with a `ShardMissing` entry naming it.
 */
export function mergeShardReports(reports: readonly ShardReport[]): MergedReport {
  if (reports.length === 0) throw new InputError('merge: no reports given');
  const first = reports[0]!;
  const byIndex = new Map<number, ShardReport>();
  for (const report of reports) {
    if (report.version !== first.version) throw new InputError(`${report.path}: written by azscan ${report.version}, ${first.path} by ${first.version}; merge shards of one version`);
    if (report.shard.count !== first.shard.count) throw new InputError(`${report.path}: shard ${report.shard.index} of ${report.shard.count}, but ${first.path} is of ${first.shard.count}`);
    if (report.shard.selectionHash !== first.shard.selectionHash) {
      throw new InputError(`${report.path}: selectionHash ${report.shard.selectionHash} differs from ${first.path}'s ${first.shard.selectionHash} (another rule selection, config, scope or --shard-weights)`);
    }
    const earlier = byIndex.get(report.shard.index);
    if (earlier) throw new InputError(`${report.path}: shard ${report.shard.index} of ${report.shard.count} is also ${earlier.path}`);
    byIndex.set(report.shard.index, report);
  }
  const count = first.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  // Ties between shards (never expected: an item belongs to one shard) fall back to shard order.
  const shards = [...byIndex.values()].sort((a, b) => a.shard.index - b.shard.index);
  const docs = shards.map((report) => report.document);

  const findings = mergeOrdered(docs, 'findings', (finding) => `${5 - severityRank(finding.severity as Severity)}|${String(finding.ruleId)}`);
  const missingEntries: NotEvaluatedEntry[] = missing.map((index) => ({
    code: 'ShardMissing',
    reason: `shard ${index} of ${count} was not merged: the findings of its subscriptions are unknown`,
  }));
  const notEvaluated = [...mergeOrdered(docs, 'notEvaluated'), ...missingEntries] as unknown as NotEvaluatedEntry[];
  const subscriptions = mergeOrdered(docs, 'subscriptions');
  const inForce = findings.filter((finding) => finding.suppressed === undefined);
  const sum = (read: (summary: JsonObject) => unknown): number => shards.reduce((total, report) => total + (read(report.summary) as number), 0);
  const outcomes = (status: string): number => sum((summary) => (summary.outcomes as JsonObject)[status]);
  const rules = first.document.rules as JsonObject[];

  const { shard: _shard, ...source } = (shards[0] ?? first).source;
  const suppressions = mergeSuppressions(docs);
  const compliance = mergeCompliance(first.document, rules, notEvaluated, findings, missing.length > 0);
  const document: JsonObject = {
    schemaVersion: first.document.schemaVersion,
    tool: first.document.tool,
    source: { ...source, mergedShards: shards.length },
    summary: {
      findings: countBySeverity(inForce),
      suppressed: sum((summary) => summary.suppressed),
      resourcesEvaluated: sum((summary) => summary.resourcesEvaluated),
      rulesEvaluated: first.summary.rulesEvaluated,
      outcomes: { pass: outcomes('pass'), fail: outcomes('fail'), notApplicable: outcomes('notApplicable'), error: outcomes('error') },
      notEvaluated: notEvaluated.length,
      complete: missing.length === 0 && shards.every((report) => report.summary.complete === true),
    },
    subscriptions,
    skippedSubscriptions: subscriptions.filter((sub) => !isScannedState(sub.state as string | undefined) && sub.state !== 'NotFound').map(({ resourcesEvaluated: _count, ...sub }) => sub),
    rules,
    findings,
    notEvaluated,
    collectionErrors: mergeOrdered(docs, 'collectionErrors'),
    ...(suppressions ? { suppressions } : {}),
    ...(compliance ? { compliance } : {}),
  };
  return { document, missing };
}

/**
 * One list of every shard, by `group` (the findings' severity and rule) and then by each
 * item's place in the unsharded order; `inputOrder` is left out of what is returned.
 */
function mergeOrdered(docs: readonly JsonObject[], list: string, group: (item: JsonObject) => string = () => ''): JsonObject[] {
  const keyed: Array<{ group: string; order: InputOrder; shard: number; position: number; item: JsonObject }> = [];
  docs.forEach((doc, shard) => {
    (doc[list] as JsonObject[]).forEach((item, position) => keyed.push({ group: group(item), order: item.inputOrder as InputOrder, shard, position, item }));
  });
  keyed.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : compareInputOrder(a.order, b.order) || a.shard - b.shard || a.position - b.position));
  return keyed.map(({ item }) => {
    const { inputOrder: _order, ...rest } = item;
    return rest;
  });
}

function countBySeverity(findings: readonly JsonObject[]): JsonObject {
  const counts: Record<string, number> = { total: findings.length };
  for (const severity of SEVERITIES) counts[severity] = 0;
  for (const finding of findings) counts[finding.severity as string]!++;
  return counts;
}

/**
 * Every shard applied the same suppressions (the selection hash covers them): a suppression's
 * matches add up across shards, and it is stale only when it matched nothing in any shard.
 */
function mergeSuppressions(docs: readonly JsonObject[]): JsonObject | undefined {
  const reports = docs.map((doc) => doc.suppressions as JsonObject | undefined).filter((report): report is JsonObject => report !== undefined);
  if (reports.length === 0) return undefined;
  const first = reports[0]!;
  const expired = (first.expired as JsonObject[]).map((entry, i) => ({
    ...entry,
    matches: reports.reduce((total, report) => total + (((report.expired as JsonObject[])[i]?.matches as number | undefined) ?? 0), 0),
  }));
  const staleIn = (report: JsonObject): Set<string> => new Set((report.stale as JsonObject[]).map((entry) => JSON.stringify(entry)));
  const staleSets = reports.map(staleIn);
  const stale = (first.stale as JsonObject[]).filter((entry) => staleSets.every((set) => set.has(JSON.stringify(entry))));
  return { suppressed: reports.reduce((total, report) => total + (report.suppressed as number), 0), expired, stale };
}

/**
 * The per-control view, worked out again from the merged findings and not-evaluated entries
 * (a control fails when any shard fails it). A missing shard leaves every control a rule
 * answers unknown unless a finding fails it: never a pass for what was not seen.
 */
function mergeCompliance(first: JsonObject, rules: readonly JsonObject[], notEvaluated: readonly NotEvaluatedEntry[], findings: readonly JsonObject[], shardMissing: boolean): JsonObject | undefined {
  const report = first.compliance as JsonObject | undefined;
  if (report === undefined) return undefined;
  const framework = report.framework;
  if (typeof framework !== 'string' || !Object.hasOwn(COMPLIANCE_FRAMEWORKS, framework)) throw new InputError(`compliance.framework: unknown framework ${JSON.stringify(framework)}`);
  const metas = rules as unknown as RuleMeta[];
  const unseen = shardMissing ? metas.map((rule): NotEvaluatedEntry => ({ ruleId: rule.id, code: 'ShardMissing', reason: 'a shard was not merged' })) : [];
  return evaluateCompliance(framework as ComplianceFramework, metas, [...notEvaluated, ...unseen], findings as unknown as Finding[]) as unknown as JsonObject;
}
