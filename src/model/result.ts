import type { CollectionError, InventorySource, SubscriptionInfo } from '../inventory/types.js';
import type { ComplianceMapping, ComplianceReport } from './compliance.js';
import type { Evidence } from './evidence.js';
import type { RuleMeta } from './rule.js';
import type { Service } from './services.js';
import type { BaselineReport } from './baseline.js';
import type { PathStep } from './exposure.js';
import type { Severity } from './severity.js';
import type { SuppressionReport } from './suppression.js';

export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly title: string;
  readonly severity: Severity;
  readonly service: Service;
  readonly resourceId: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly subscriptionId: string | undefined;
  readonly resourceGroup: string | undefined;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  readonly remediation: RuleMeta['remediation'];
  readonly compliance: ComplianceMapping;
  readonly fingerprint: string;
  /** Set when a config suppression covers the finding: kept in reports, not counted against --fail-on. */
  readonly suppressed?: { readonly reason: string; readonly expires?: string; readonly source: string };
  /** With --baseline: whether the baseline report had this fingerprint. */
  readonly baselineState?: 'new' | 'existing';
  /** The way from the internet to the workload, for findings reachable from it. */
  readonly path?: readonly PathStep[];
}

export type OutcomeStatus = 'pass' | 'fail' | 'notApplicable' | 'error';

/** What one rule concluded about one resource (or, for a failed read, one scope). */
export interface Outcome {
  readonly ruleId: string;
  readonly status: OutcomeStatus;
  readonly resourceId: string;
  readonly resourceType: string;
  /** Failing outcomes carry one or more findings. */
  readonly findings: readonly Finding[];
  /** Why: for `notApplicable` and `error`. */
  readonly reason?: string;
  /** ARM error code or azscan's own (`NotCollected`, `MalformedProperty`), for `error`. */
  readonly code?: string;
}

/** A rule × resource (or an input resource) that could not be evaluated, and why. */
export interface NotEvaluatedEntry {
  /** Absent when no rule could even look at the resource (it was malformed). */
  readonly ruleId?: string;
  readonly resourceId?: string;
  readonly resourceType?: string;
  readonly subscriptionId?: string;
  /** Where in the input, for malformed resources: `resources[17]`. */
  readonly inputLocation?: string;
  /** The controls the unread part would have answered, when narrower than its rule's mapping. */
  readonly compliance?: ComplianceMapping;
  readonly code: string;
  readonly reason: string;
}

export interface ScanSummary {
  /** Findings in force (not suppressed), by severity. */
  readonly findings: { readonly total: number } & { readonly [S in Severity]: number };
  /** Findings a suppression covers. */
  readonly suppressed: number;
  /** Distinct resources at least one rule evaluated. */
  readonly resourcesEvaluated: number;
  readonly rulesEvaluated: number;
  readonly outcomes: { readonly [S in OutcomeStatus]: number };
  readonly notEvaluated: number;
  /** False when any data a selected rule needed could not be read. */
  readonly complete: boolean;
}

export interface ScanResult {
  readonly tool: { readonly name: string; readonly version: string };
  readonly source: InventorySource;
  readonly subscriptions: readonly SubscriptionInfo[];
  /** Subscriptions not scanned because of their state (Disabled, Deleted). */
  readonly skippedSubscriptions: readonly SubscriptionInfo[];
  readonly rules: readonly RuleMeta[];
  readonly outcomes: readonly Outcome[];
  /** The findings to show, after the severity filter, most severe first. */
  readonly findings: readonly Finding[];
  readonly notEvaluated: readonly NotEvaluatedEntry[];
  /** Every read recorded as failed, whether or not a selected rule needed it. */
  readonly collectionErrors: readonly CollectionError[];
  readonly summary: ScanSummary;
  /** What the config's suppressions did, when there are any. */
  readonly suppressions?: SuppressionReport;
  /** The comparison with --baseline, when given. */
  readonly baseline?: BaselineReport;
  /** The per-control view of --compliance, when given. */
  readonly compliance?: ComplianceReport;
}

/** True when a not-evaluated entry means the scan did not see something a selected rule needed. */
export function makesIncomplete(entry: NotEvaluatedEntry): boolean {
  return entry.code !== 'MalformedResourceIgnored';
}
