// The report as azscan wrote it before reports were streamed (one string), kept as the oracle
// that the streamed report is checked against: see test/report/streamed-reports.test.ts.
import { REPORT_SCHEMA_VERSION } from '../../../src/model/report-schema.js';
import type { ScanResult } from '../../../src/model/result.js';
import { fixCommand } from '../../../src/report/fix-command.js';
import { jsonDocument } from '../../../src/report/text.js';

/** The machine report: a versioned contract for ticketing systems and pipelines. */
export function oldRenderJson(result: ScanResult): string {
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
    })),
    notEvaluated: result.notEvaluated,
    collectionErrors: result.collectionErrors,
    ...(result.suppressions ? { suppressions: result.suppressions } : {}),
    ...(result.baseline ? { baseline: result.baseline } : {}),
    ...(result.compliance ? { compliance: result.compliance } : {}),
  };
  return jsonDocument(report);
}
