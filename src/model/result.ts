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
  /** Sharded scans only: where the finding falls in the unsharded scan's order, for `merge`. */
  readonly inputOrder?: InputOrder;
}

/**
 * Where an item of a shard's report falls in the order the unsharded scan would have written
 * it, compared element by element (numbers as numbers, strings as text): `merge` interleaves
 * the shards' lists by it, and leaves it out of the merged report.
 */
export type InputOrder = ReadonlyArray<number | string>;

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
  /** Sharded scans only (see InputOrder). */
  readonly inputOrder?: InputOrder;
}

/** A subscription as the report lists it. */
export interface ReportedSubscription extends SubscriptionInfo {
  /** Resources of this subscription at least one rule evaluated: what `--shard-weights` balances. */
  readonly resourcesEvaluated?: number;
  /** Sharded scans only (see InputOrder). */
  readonly inputOrder?: InputOrder;
}

/** A failed read as the report lists it. */
export interface ReportedCollectionError extends CollectionError {
  /** Sharded scans only (see InputOrder). */
  readonly inputOrder?: InputOrder;
}

/** `source.shard`: which part of a split scan this report is (`--shard I/N`). */
export interface ShardSource {
  readonly index: number;
  readonly count: number;
  /** `hash`, or `weights` with `--shard-weights`. */
  readonly assignment: 'hash' | 'weights';
  /** What must be the same in every shard for `merge` to combine them (see selectionHash). */
  readonly selectionHash: string;
}

/** Where the scanned estate came from; `shard` for one shard's report, `mergedShards` for a merged one. */
export interface ReportSource extends InventorySource {
  readonly shard?: ShardSource;
  readonly mergedShards?: number;
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
  readonly source: ReportSource;
  readonly subscriptions: readonly ReportedSubscription[];
  /** Subscriptions not scanned because of their state (Disabled, Deleted). */
  readonly skippedSubscriptions: readonly SubscriptionInfo[];
  readonly rules: readonly RuleMeta[];
  readonly outcomes: readonly Outcome[];
  /** The findings to show, after the severity filter, most severe first. */
  readonly findings: readonly Finding[];
  readonly notEvaluated: readonly NotEvaluatedEntry[];
  /** Every read recorded as failed, whether or not a selected rule needed it. */
  readonly collectionErrors: readonly ReportedCollectionError[];
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
