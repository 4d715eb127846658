import { createHash } from 'node:crypto';
import type { ShardAssignment } from '../inventory/shard.js';
import type { ComplianceFramework } from '../model/compliance.js';
import type { AnyRule } from '../model/rule.js';
import type { Severity } from '../model/severity.js';
import type { SuppressionRule } from '../model/suppression.js';

/** What every shard of one split scan must share for `merge` to combine them. */
export interface ShardedSelection {
  /** The rules run, with their effective severities (the config's overrides applied). */
  readonly rules: readonly AnyRule[];
  readonly minSeverity?: Severity;
  readonly compliance?: ComplianceFramework;
  /** Rule options from the config, by rule id. */
  readonly ruleOptions?: ReadonlyMap<string, unknown>;
  readonly suppressions?: readonly SuppressionRule[];
  /** ISO date suppressions' expiry is judged on: whether each is in force is part of the selection. */
  readonly today: string;
  /**
   * What was scanned before it was split, in words that are the same on every machine: for a
   * snapshot, its subscription list (its path is not); for a live scan, the scope flags.
   */
  readonly scope: readonly string[];
  readonly assignment: ShardAssignment;
}

/**
 * `source.shard.selectionHash`: 32 hex digits of sha256 over a canonical form of the selection
 * (the tool version is compared on its own). Two shards with different hashes scanned different
 * things, or the same things differently, and their findings cannot add up to one report.
 */
export function selectionHash(selection: ShardedSelection): string {
  const canonical = {
    rules: selection.rules.map((rule) => `${rule.id}:${rule.severity}`).sort(),
    minSeverity: selection.minSeverity ?? null,
    compliance: selection.compliance ?? null,
    ruleOptions: [...(selection.ruleOptions ?? new Map<string, unknown>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    suppressions: (selection.suppressions ?? []).map((rule) => ({ ...rule, inForce: rule.expires === undefined || rule.expires >= selection.today })),
    scope: [...selection.scope].sort(),
    assignment: { count: selection.assignment.count, mode: selection.assignment.mode, identity: selection.assignment.identity },
  };
  return createHash('sha256').update(stableJson(canonical)).digest('hex').slice(0, 32);
}

/** JSON with object keys sorted at every level, so that the same value always gives the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
