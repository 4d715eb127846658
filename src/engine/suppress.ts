import type { SuppressionRule } from '../config/config.js';
import type { Finding } from './result.js';

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

/**
 * Marks the findings that in-force suppressions cover. `today` is an ISO date: a suppression
 * expiring on it still applies that day and stops the day after.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly SuppressionRule[],
  today: string,
): { findings: Finding[]; report: SuppressionReport } {
  const compiled = suppressions.map((suppression) => ({
    suppression,
    pattern: resourcePattern(suppression.resource),
    expired: suppression.expires !== undefined && suppression.expires < today,
    matches: 0,
  }));
  let suppressed = 0;
  const marked = findings.map((finding) => {
    let applied: (typeof compiled)[number] | undefined;
    for (const entry of compiled) {
      if (entry.suppression.rule !== finding.ruleId || !entry.pattern.test(finding.resourceId)) continue;
      entry.matches++;
      if (!entry.expired) applied ??= entry;
    }
    if (!applied) return finding;
    suppressed++;
    const { reason, expires, source } = applied.suppression;
    return { ...finding, suppressed: { reason, ...(expires ? { expires } : {}), source } };
  });
  return {
    findings: marked,
    report: {
      suppressed,
      expired: compiled.filter((entry) => entry.expired).map((entry) => ({ ...entry.suppression, matches: entry.matches })),
      stale: compiled.filter((entry) => !entry.expired && entry.matches === 0).map((entry) => entry.suppression),
    },
  };
}

/** `*` any run of characters (slashes included), `?` one; the whole id must match; case-insensitive, as ARM ids are. */
export function resourcePattern(glob: string): RegExp {
  const body = glob
    .trim()
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^/?${body.replace(/^\//, '')}/?$`, 'i');
}

/** Today's date in UTC, as suppressions' `expires` is written. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
