import { InputError } from '../inventory/errors.js';
import { parseJsonText } from '../inventory/snapshot.js';
import { isJsonObject, type JsonObject } from '../inventory/types.js';
import { REPORT_SCHEMA_VERSION } from '../model/report-schema.js';
import type { InputOrder, ShardSource } from '../model/result.js';
import { isSeverity, SEVERITIES, type Severity } from '../model/severity.js';

/** One shard's `--format json` report, checked as far as `merge` relies on it. */
export interface ShardReport {
  readonly path: string;
  readonly document: JsonObject;
  readonly version: string;
  readonly source: JsonObject;
  readonly shard: ShardSource;
  readonly summary: JsonObject;
}

const SUMMARY_COUNTS = ['suppressed', 'resourcesEvaluated', 'rulesEvaluated', 'notEvaluated'] as const;
const OUTCOME_STATUSES = ['pass', 'fail', 'notApplicable', 'error'] as const;
const ORDERED_LISTS = ['subscriptions', 'findings', 'notEvaluated', 'collectionErrors'] as const;

/**
 * Reads one file given to `merge`: an azscan JSON report of one shard (`scan --shard I/N
 * --format json`). Anything else (not JSON, another document, an unsharded or merged report,
 * a report missing what merge adds up) is refused in one line naming the file.
 */
export function readShardReport(text: string, path: string): ShardReport {
  const document = parseJsonText(text.replace(/^\uFEFF/, ''), path);
  const refuse = (why: string): never => {
    throw new InputError(`${path}: ${why}`);
  };
  if (!isJsonObject(document) || document.schemaVersion === undefined || !isJsonObject(document.tool) || document.tool.name !== 'azscan') {
    return refuse('not an azscan JSON report (write one with scan --shard I/N --format json)');
  }
  if (document.schemaVersion !== REPORT_SCHEMA_VERSION) return refuse(`report schemaVersion ${JSON.stringify(document.schemaVersion)}; this azscan merges schemaVersion ${REPORT_SCHEMA_VERSION}`);
  const version = document.tool.version;
  if (typeof version !== 'string') return refuse('tool.version: expected a string');
  const source = document.source;
  if (!isJsonObject(source)) return refuse('source: expected an object');
  if (source.mergedShards !== undefined) return refuse('is a merged report, not a shard; merge the shard reports it was made from');
  if (source.shard === undefined) return refuse('is not a shard report (no source.shard): merge takes the reports of scan --shard I/N');
  const shard = readShardSource(source.shard, refuse);

  const summary = document.summary;
  if (!isJsonObject(summary) || !isJsonObject(summary.findings) || !isJsonObject(summary.outcomes) || typeof summary.complete !== 'boolean') {
    return refuse('summary: expected findings, outcomes and complete');
  }
  for (const name of SUMMARY_COUNTS) if (!isCount(summary[name])) refuse(`summary.${name}: expected a whole number`);
  for (const status of OUTCOME_STATUSES) if (!isCount(summary.outcomes[status])) refuse(`summary.outcomes.${status}: expected a whole number`);
  if (!Array.isArray(document.rules) || !Array.isArray(document.skippedSubscriptions)) return refuse('expected rules and skippedSubscriptions arrays');
  document.rules.forEach((rule, i) => {
    if (!isJsonObject(rule) || typeof rule.id !== 'string' || !isJsonObject(rule.compliance)) refuse(`rules[${i}]: expected an id and compliance`);
  });
  for (const list of ORDERED_LISTS) {
    const items = document[list];
    if (!Array.isArray(items)) return refuse(`${list}: expected an array`);
    items.forEach((item, i) => {
      if (!isJsonObject(item)) refuse(`${list}[${i}]: expected an object`);
      else if (!isInputOrder(item.inputOrder)) refuse(`${list}[${i}].inputOrder: expected the list a sharded scan writes`);
    });
  }
  (document.findings as JsonObject[]).forEach((finding, i) => {
    if (typeof finding.ruleId !== 'string' || typeof finding.fingerprint !== 'string' || typeof finding.severity !== 'string' || !isSeverity(finding.severity)) {
      refuse(`findings[${i}]: expected ruleId, severity and fingerprint`);
    }
  });
  (document.notEvaluated as JsonObject[]).forEach((entry, i) => {
    if (typeof entry.code !== 'string') refuse(`notEvaluated[${i}].code: expected a string`);
  });
  // The merged summary is the sum of the shards': a list that does not add up to its own
  // summary (a finding copied in, or cut out) would make the merged report contradict itself.
  const counted = countShown(document.findings as JsonObject[]);
  for (const severity of ['total', ...SEVERITIES] as const) {
    if (counted[severity] !== summary.findings[severity]) refuse(`summary.findings.${severity} is ${String(summary.findings[severity])}, but findings lists ${counted[severity]}`);
  }
  if ((document.notEvaluated as unknown[]).length !== summary.notEvaluated) refuse(`summary.notEvaluated is ${String(summary.notEvaluated)}, but notEvaluated lists ${(document.notEvaluated as unknown[]).length}`);
  if (document.suppressions !== undefined) {
    const suppressions = document.suppressions;
    if (!isJsonObject(suppressions) || !isCount(suppressions.suppressed) || !Array.isArray(suppressions.expired) || !Array.isArray(suppressions.stale)) {
      refuse('suppressions: expected suppressed, expired and stale');
    }
  }
  if (document.compliance !== undefined && (!isJsonObject(document.compliance) || typeof document.compliance.framework !== 'string')) refuse('compliance: expected a framework');
  return { path, document, version, source, shard, summary };
}

function readShardSource(value: unknown, refuse: (why: string) => never): ShardSource {
  if (!isJsonObject(value)) return refuse('source.shard: expected an object');
  const { index, count, assignment, selectionHash } = value;
  if (!isCount(count) || count < 1) return refuse('source.shard.count: expected a whole number from 1');
  if (!isCount(index) || index < 1 || index > count) return refuse(`source.shard.index: expected a whole number from 1 to ${count}`);
  if (assignment !== 'hash' && assignment !== 'weights') return refuse('source.shard.assignment: expected "hash" or "weights"');
  if (typeof selectionHash !== 'string' || selectionHash === '') return refuse('source.shard.selectionHash: expected a string');
  return { index, count, assignment, selectionHash };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isInputOrder(value: unknown): value is InputOrder {
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === 'string' || (typeof part === 'number' && Number.isFinite(part)));
}

/** Findings by severity as the summary counts them: the suppressed ones left out. */
function countShown(findings: readonly JsonObject[]): Record<'total' | Severity, number> {
  const counts = { total: 0, critical: 0, high: 0, medium: 0, low: 0 };
  for (const finding of findings) {
    if (finding.suppressed) continue;
    counts.total++;
    counts[finding.severity as Severity]++;
  }
  return counts;
}
