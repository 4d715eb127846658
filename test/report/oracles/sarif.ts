// The report as azscan wrote it before reports were streamed (one string), kept as the oracle
// that the streamed report is checked against: see test/report/streamed-reports.test.ts.
import type { Finding, ScanResult } from '../../../src/model/result.js';
import type { RuleMeta } from '../../../src/model/rule.js';
import type { Severity } from '../../../src/model/severity.js';
import { fixCommand } from '../../../src/report/fix-command.js';
import { stripUnsafe } from '../../../src/report/sanitize.js';
import { jsonDocument, namesIn, sarifText, shownId, shownName, shownText } from '../../../src/report/text.js';

/**
 * SARIF 2.1.0, as GitHub code scanning and Azure DevOps read it. Rules come from the
 * catalogue's metadata; each result names the Azure resource as a logical location (and,
 * since code-scanning UIs need a file, as a path under `azure/`), carries the finding's
 * fingerprint in `partialFingerprints`, and suppressed findings carry SARIF `suppressions` (kind `external`: the config file).
 * Text a code-scanning view shows (messages, the resource's name, justifications) is
 * sanitised and cut; ids, evidence and remediation stay exact data, as in the JSON report.
 */
export function oldRenderSarif(result: ScanResult): string {
  const ruleIndex = new Map(result.rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: result.rules.map(reportingDescriptor),
          },
        },
        automationDetails: { id: `${result.tool.name}/${result.source.tenantId ?? 'estate'}/` },
        invocations: [
          {
            executionSuccessful: result.summary.complete,
            toolExecutionNotifications: result.notEvaluated.map((entry) => ({
              level: 'error',
              message: { text: sarifText(`Not evaluated${entry.ruleId ? ` by ${entry.ruleId}` : ''}: ${shownId(entry.resourceId ?? entry.inputLocation ?? 'input')}: ${entry.code}: ${shownText(entry.reason, entry.resourceId?.split('/'))}`) },
              ...(entry.ruleId && ruleIndex.has(entry.ruleId) ? { associatedRule: { id: entry.ruleId, index: ruleIndex.get(entry.ruleId)! } } : {}),
            })),
          },
        ],
        results: result.findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.ruleId) ?? -1)),
        properties: { summary: result.summary, source: result.source },
      },
    ],
  };
  return jsonDocument(log);
}

/** GitHub reads `security-severity` (0–10) to label alerts critical, high, medium or low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

function reportingDescriptor(rule: RuleMeta) {
  const compliance = [...rule.compliance['cis-azure-3.0'].map((id) => `CIS-Azure-3.0/${id}`), ...rule.compliance.mcsb.map((id) => `MCSB/${id}`)];
  const fix = `${rule.remediation.text}\n\n    ${rule.remediation.az}`;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nWhy it matters: ${rule.rationale}\n\nFix: ${fix}`,
      markdown: `${rule.description}\n\n**Why it matters:** ${rule.rationale}\n\n**Fix:** ${rule.remediation.text}\n\n\`\`\`sh\n${rule.remediation.az}\n\`\`\`\n\n${rule.references.map((url) => `- <${url}>`).join('\n')}`,
    },
    ...(rule.references[0] ? { helpUri: rule.references[0] } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'azure', rule.service, ...compliance],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      'problem.severity': rule.severity === 'low' ? 'recommendation' : LEVEL[rule.severity] === 'error' ? 'error' : 'warning',
    },
  };
}

function sarifResult(finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: sarifText(shownText(finding.message, namesIn(finding.resourceName))) },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: resourcePath(finding.resourceId) }, region: { startLine: 1 } },
        logicalLocations: [{ name: stripUnsafe(shownName(finding.resourceName)), fullyQualifiedName: finding.resourceId, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'azscanFingerprint/v1': finding.fingerprint },
    ...(finding.baselineState ? { baselineState: finding.baselineState === 'new' ? 'new' : 'unchanged' } : {}),
    ...(finding.suppressed ? { suppressions: [{ kind: 'external', justification: stripUnsafe(shownText(finding.suppressed.reason)) }] } : {}),
    properties: {
      severity: finding.severity,
      'security-severity': SECURITY_SEVERITY[finding.severity],
      resourceType: finding.resourceType,
      subscriptionId: finding.subscriptionId ?? null,
      resourceGroup: finding.resourceGroup ?? null,
      evidence: finding.evidence,
      remediation: { ...finding.remediation, az: fixCommand(finding) },
    },
  };
}

/** A relative path standing for the resource: code-scanning UIs list results by file. */
function resourcePath(resourceId: string): string {
  const segments = resourceId.split('/').filter(Boolean).map((segment) => encodeURIComponent(segment));
  return `azure/${segments.join('/')}`;
}
