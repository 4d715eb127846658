import type { Severity } from './severity.js';

/* The comparison with an earlier report (--baseline), as the scan result carries it. */

/** A finding of an earlier report, as much of it as comparing needs. */
export interface BaselineFinding {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly resourceId: string;
  readonly severity: Severity;
  readonly title: string;
}

export interface BaselineReport {
  readonly path: string;
  /** Findings not in the baseline. */
  readonly new: number;
  readonly existing: number;
  /** Baseline findings this scan shows gone: the resource passed, or no longer exists. */
  readonly fixed: readonly BaselineFinding[];
  /** Baseline findings this scan cannot speak to: the rule was not run, or the resource not evaluated. */
  readonly unknown: readonly BaselineFinding[];
}

