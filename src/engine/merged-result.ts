import type { JsonObject } from '../inventory/types.js';
import type { Finding, ScanResult } from '../model/result.js';
import type { AnyRule, RuleMeta } from '../model/rule.js';
import { ruleMeta } from './scan.js';

/**
 * A merged report as the result the other reporters read. A JSON report holds every field
 * they print except each rule × resource outcome (`outcomes` is empty here) and the rules'
 * long texts, which come from the catalogue (the CLI requires the shards to be of its own
 * version for this), with the report's effective severities. Findings get their rule's `az`
 * template back, so each reporter fills it in as it does for a scan.
 */
export function mergedScanResult(document: JsonObject, catalogue: readonly AnyRule[]): ScanResult {
  const byId = new Map(catalogue.map((rule) => [rule.id, rule]));
  const rules = (document.rules as JsonObject[]).map((rule): RuleMeta => {
    const known = byId.get(rule.id as string);
    return known ? { ...ruleMeta(known), severity: rule.severity as RuleMeta['severity'] } : (rule as unknown as RuleMeta);
  });
  const findings = (document.findings as JsonObject[]).map((finding): Finding => {
    const known = byId.get(finding.ruleId as string);
    const { subscriptionId, resourceGroup, remediation, ...rest } = finding;
    return {
      ...(rest as unknown as Finding),
      subscriptionId: (subscriptionId ?? undefined) as string | undefined,
      resourceGroup: (resourceGroup ?? undefined) as string | undefined,
      remediation: known ? known.remediation : (remediation as Finding['remediation']),
    };
  });
  return {
    ...(document.suppressions ? { suppressions: document.suppressions as unknown as ScanResult['suppressions'] } : {}),
    ...(document.compliance ? { compliance: document.compliance as unknown as ScanResult['compliance'] } : {}),
    tool: document.tool as unknown as ScanResult['tool'],
    source: document.source as unknown as ScanResult['source'],
    subscriptions: document.subscriptions as unknown as ScanResult['subscriptions'],
    skippedSubscriptions: document.skippedSubscriptions as unknown as ScanResult['skippedSubscriptions'],
    rules,
    outcomes: [],
    findings,
    notEvaluated: document.notEvaluated as unknown as ScanResult['notEvaluated'],
    collectionErrors: document.collectionErrors as unknown as ScanResult['collectionErrors'],
    summary: document.summary as unknown as ScanResult['summary'],
  };
}
