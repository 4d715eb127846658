import type { BaselineFinding, BaselineReport } from '../model/baseline.js';
import { InputError } from '../inventory/errors.js';
import { idKey, parseArmId } from '../inventory/arm-id.js';
import { parseJsonText } from '../inventory/snapshot.js';
import { isJsonObject } from '../inventory/types.js';
import { REPORT_SCHEMA_VERSION } from '../model/report-schema.js';
import type { Finding, Outcome } from '../model/result.js';
import type { AnyRule } from '../model/rule.js';
import { isSeverity } from '../model/severity.js';

export interface Baseline {
  readonly path: string;
  readonly findings: readonly BaselineFinding[];
}

/** An earlier JSON report (`--format json`), read from `path` by the CLI, as a baseline. */
export function parseBaseline(text: string, path: string): Baseline {
  const report = parseJsonText(text.replace(/^\uFEFF/, ''), path);
  if (!isJsonObject(report) || report.schemaVersion !== REPORT_SCHEMA_VERSION || !Array.isArray(report.findings)) {
    throw new InputError(`--baseline ${path}: not an azscan JSON report (expected schemaVersion ${REPORT_SCHEMA_VERSION} and findings; write one with --format json)`);
  }
  const findings = report.findings.map((entry, i) => {
    const where = `--baseline ${path}: findings[${i}]`;
    if (!isJsonObject(entry)) throw new InputError(`${where}: expected an object`);
    const { fingerprint, ruleId, resourceId, severity, title } = entry;
    if (typeof fingerprint !== 'string' || typeof ruleId !== 'string' || typeof resourceId !== 'string') {
      throw new InputError(`${where}: expected fingerprint, ruleId and resourceId strings`);
    }
    return { fingerprint, ruleId, resourceId, severity: typeof severity === 'string' && isSeverity(severity) ? severity : 'low', title: typeof title === 'string' ? title : ruleId };
  });
  return { path, findings };
}

/**
 * Marks each finding new or existing by fingerprint, and sorts the baseline's findings that
 * are gone into fixed (the rule looked and found nothing, or the resource is gone) and
 * unknown (this scan did not look): a finding is never called fixed because it was not read.
 */
export function compareWithBaseline(
  findings: readonly Finding[],
  outcomes: readonly Outcome[],
  rules: readonly AnyRule[],
  complete: boolean,
  baseline: Baseline,
): { findings: Finding[]; report: BaselineReport } {
  const before = new Set(baseline.findings.map((finding) => finding.fingerprint));
  const now = new Set(findings.map((finding) => finding.fingerprint));
  const marked = findings.map((finding) => ({ ...finding, baselineState: before.has(finding.fingerprint) ? ('existing' as const) : ('new' as const) }));

  const outcomeOf = new Map<string, Outcome['status']>();
  for (const outcome of outcomes) {
    const key = `${outcome.ruleId}|${idKey(outcome.resourceId)}`;
    // An error anywhere for the pair outweighs a pass: the pair is not known.
    if (outcomeOf.get(key) !== 'error') outcomeOf.set(key, outcome.status);
  }
  const errorScopes = outcomes.filter((outcome) => outcome.status === 'error');
  const selected = new Set(rules.map((rule) => rule.id));

  const fixed: BaselineFinding[] = [];
  const unknown: BaselineFinding[] = [];
  for (const finding of baseline.findings) {
    if (now.has(finding.fingerprint)) continue;
    if (!selected.has(finding.ruleId)) {
      unknown.push(finding);
      continue;
    }
    // The outcome is on the finding's resource or, for a part of one (a security rule, a
    // container), on the resource it belongs to.
    let status: Outcome['status'] | undefined;
    for (let id: string | undefined = finding.resourceId; id !== undefined && status === undefined; id = parseArmId(id).parentId) {
      status = outcomeOf.get(`${finding.ruleId}|${idKey(id)}`);
    }
    const coveredByError = errorScopes.some((error) => error.ruleId === finding.ruleId && idKey(finding.resourceId).startsWith(`${idKey(error.resourceId)}/`));
    if (status === 'error' || coveredByError || (status === undefined && !complete)) unknown.push(finding);
    else fixed.push(finding);
  }
  return {
    findings: marked,
    report: { path: baseline.path, new: marked.filter((f) => f.baselineState === 'new').length, existing: marked.filter((f) => f.baselineState === 'existing').length, fixed, unknown },
  };
}
