/** A suppression: accepted risk for one rule on the resources a pattern matches. */
export interface SuppressionRule {
  /** Rule id, as written in the config (a name is resolved to its id). */
  readonly rule: string;
  /** Resource id pattern: `*` matches any run of characters (slashes too), `?` one; case-insensitive. */
  readonly resource: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD); from the day after, the suppression stops suppressing. */
  readonly expires?: string;
  /** Where it was written: `azscan.config.yaml: suppressions[2]`. */
  readonly source: string;
}

/** What suppressions did in one scan. */
export interface SuppressionReport {
  /** Findings suppressed: kept in the reports, marked, and not counted against --fail-on. */
  readonly suppressed: number;
  /** Suppressions past their date: they no longer suppress, and say so. */
  readonly expired: readonly SuppressionUse[];
  /** Suppressions in force that matched no finding: probably fixed, or mistyped. */
  readonly stale: readonly SuppressionRule[];
}

export interface SuppressionUse extends SuppressionRule {
  /** Findings it would have suppressed. */
  readonly matches: number;
}

