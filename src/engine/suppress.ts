import type { SuppressionReport, SuppressionRule } from '../model/suppression.js';
import type { Finding } from '../model/result.js';

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

/** A compiled suppression pattern. */
export interface ResourcePattern {
  test(resourceId: string): boolean;
}

/**
 * `*` any run of characters (slashes included), `?` one; the whole id must match; case-insensitive,
 * as ARM ids are; a leading or trailing slash is optional. Matched with two pointers and the
 * last `*` to fall back to, never a regular expression: `*` as `.*` backtracks exponentially
 * on patterns like `*******a`, and patterns come from a config file anyone can edit. Time is
 * bounded by the pattern's length times the id's.
 */
export function resourcePattern(glob: string): ResourcePattern {
  // Runs of `*` match what one does.
  const pattern = glob.trim().toLowerCase().replace(/^\//, '').replace(/\*+/g, '*');
  return {
    test(resourceId) {
      const id = resourceId.toLowerCase();
      // The id's own leading and trailing slash may each be left out of what the pattern matches.
      const starts = id.startsWith('/') ? [id, id.slice(1)] : [id];
      return starts.some((text) => wildcardMatch(pattern, text) || (text.endsWith('/') && wildcardMatch(pattern, text.slice(0, -1))));
    },
  };
}

function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resumeAt = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resumeAt = t;
    } else if (star >= 0) {
      // Let the last `*` take one more character, and try the rest of the pattern from there.
      p = star + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Today's date in UTC, as suppressions' `expires` is written. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
