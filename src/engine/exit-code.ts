import type { ScanResult } from '../model/result.js';
import { isAtLeast, type Severity } from '../model/severity.js';

/** The documented exit codes (README, DESIGN.md). */
export const EXIT = {
  ok: 0,
  findingsAtThreshold: 1,
  usageOrInput: 2,
  incomplete: 3,
  /** A failure inside azscan (a bug, or a broken install), not in what it was given. */
  internal: 4,
} as const;

export interface ExitPolicy {
  readonly failOn?: Severity;
  readonly allowPartial?: boolean;
  /** With a baseline: only findings the baseline did not have reach --fail-on. */
  readonly newOnly?: boolean;
}

/** What the exit code depends on: a scan's result, or a merged report's document. */
export interface ExitInput {
  readonly findings: ReadonlyArray<Pick<ScanResult['findings'][number], 'severity' | 'suppressed' | 'baselineState'>>;
  readonly summary: { readonly complete: boolean };
}

/**
 * 1 when a finding in force reaches `--fail-on` (suppressed ones never do; with --new-only,
 * only new ones do); otherwise 3 when the scan is incomplete (unless `--allow-partial`);
 * otherwise 0. A finding outranks incompleteness: CI must fail on what it found even when it
 * could not see everything.
 */
export function exitCodeFor(result: ExitInput, policy: ExitPolicy): number {
  const threshold = policy.failOn;
  const counts = (finding: ExitInput['findings'][number]): boolean =>
    !finding.suppressed && (!policy.newOnly || finding.baselineState !== 'existing') && threshold !== undefined && isAtLeast(finding.severity, threshold);
  if (threshold !== undefined && result.findings.some(counts)) return EXIT.findingsAtThreshold;
  if (!result.summary.complete && !policy.allowPartial) return EXIT.incomplete;
  return EXIT.ok;
}
