import { REPORT_SCHEMA_VERSION } from '../model/report-schema.js';
import type { Finding, ScanResult } from '../model/result.js';
import type { RuleMeta } from '../model/rule.js';
import { fixCommand } from './fix-command.js';
import { jsonDocumentChunks, StreamedArray, StreamedObject } from './json-stream.js';
import { eachMapped } from './passes.js';

/**
 * The machine report: a versioned contract for ticketing systems and pipelines. Written in
 * pieces (a finding, a not-evaluated entry, a read error at a time), so that no report is ever
 * one string; joined, they are the pretty-printed JSON document.
 */
export function renderJson(result: ScanResult): Iterable<string> {
  return jsonDocumentChunks(
    new StreamedObject({
      ...reportHead(result),
      rules: new StreamedArray(eachMapped(result.rules, ruleEntry)),
      findings: new StreamedArray(eachMapped(result.findings, findingEntry)),
      notEvaluated: new StreamedArray(result.notEvaluated),
      collectionErrors: new StreamedArray(result.collectionErrors),
      ...reportTail(result),
    }),
  );
}

/** What the report says about the scan as a whole, before its lists (`summary` comes before `findings`). */
export function reportHead(result: ScanResult) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: result.tool,
    source: result.source,
    summary: result.summary,
    subscriptions: new StreamedArray(result.subscriptions),
    skippedSubscriptions: new StreamedArray(result.skippedSubscriptions),
  };
}

/** What only some scans have, after the lists: suppressions, the baseline, the compliance view. */
export function reportTail(result: ScanResult) {
  return {
    suppressions: result.suppressions,
    baseline: result.baseline && new StreamedObject({ ...result.baseline, fixed: new StreamedArray(result.baseline.fixed), unknown: new StreamedArray(result.baseline.unknown) }),
    compliance: result.compliance,
  };
}

function ruleEntry(rule: RuleMeta) {
  return { id: rule.id, name: rule.name, title: rule.title, severity: rule.severity, service: rule.service, compliance: rule.compliance };
}

/** A finding as the machine reports (json, jsonl) write it. */
export function findingEntry(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    severity: finding.severity,
    title: finding.title,
    service: finding.service,
    resourceId: finding.resourceId,
    resourceType: finding.resourceType,
    resourceName: finding.resourceName,
    subscriptionId: finding.subscriptionId ?? null,
    resourceGroup: finding.resourceGroup ?? null,
    message: finding.message,
    evidence: finding.evidence,
    // The rule's command with the finding's names filled in, shell-quoted.
    remediation: { ...finding.remediation, az: fixCommand(finding) },
    compliance: finding.compliance,
    fingerprint: finding.fingerprint,
    ...(finding.suppressed ? { suppressed: finding.suppressed } : {}),
    ...(finding.baselineState ? { baselineState: finding.baselineState } : {}),
    ...(finding.path ? { path: finding.path } : {}),
    // Sharded scans only: what `merge` interleaves the shards' findings by (it leaves it out).
    ...(finding.inputOrder ? { inputOrder: finding.inputOrder } : {}),
  };
}
