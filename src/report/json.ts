import { REPORT_SCHEMA_VERSION } from '../model/report-schema.js';
import type { ScanResult } from '../model/result.js';
import { fixCommand } from './fix-command.js';
import { jsonDocument } from './text.js';

/** The machine report: a versioned contract for ticketing systems and pipelines. */
export function renderJson(result: ScanResult): string {
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: result.tool,
    source: result.source,
    summary: result.summary,
    subscriptions: result.subscriptions,
    skippedSubscriptions: result.skippedSubscriptions,
    rules: result.rules.map((rule) => ({
      id: rule.id,
      name: rule.name,
      title: rule.title,
      severity: rule.severity,
      service: rule.service,
      compliance: rule.compliance,
    })),
    findings: result.findings.map((finding) => ({
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
    })),
    notEvaluated: result.notEvaluated,
    collectionErrors: result.collectionErrors,
    ...(result.suppressions ? { suppressions: result.suppressions } : {}),
    ...(result.baseline ? { baseline: result.baseline } : {}),
    ...(result.compliance ? { compliance: result.compliance } : {}),
  };
  return jsonDocument(report);
}
