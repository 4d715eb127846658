import { UsageError } from '../inventory/errors.js';

/** Severities, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function isSeverity(text: string): text is Severity {
  return (SEVERITIES as readonly string[]).includes(text);
}

/** Parses a severity given on the command line or in config; `flag` names where it came from. */
export function parseSeverity(text: string, flag: string): Severity {
  const value = text.trim().toLowerCase();
  if (!isSeverity(value)) throw new UsageError(`${flag}: '${text}' is not a severity (expected ${SEVERITIES.join(', ')})`);
  return value;
}

/** One level up (a finding reachable from the internet) or down (one attached to nothing), within the scale. */
export function shiftSeverity(severity: Severity, by: 1 | -1): Severity {
  const index = SEVERITIES.indexOf(severity) - by;
  return SEVERITIES[Math.min(SEVERITIES.length - 1, Math.max(0, index))]!;
}
