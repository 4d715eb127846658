import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '../../src/engine/evaluate.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import type { AnyRule } from '../../src/model/rule.js';
import { FIXTURE_ROOT, fixtureSnapshot } from './rule-tester.js';

/**
 * The CIS v3.0 controls of each finding and each unread part of `rule` over one of its
 * fixtures, for rules whose findings answer only some of the rule's controls (per-finding
 * compliance, as AZ-DEF-001 and AZ-KV-004 tag them).
 */
export function cisControlsOf(rule: AnyRule, bucket: string, name: string): { findings: string[][]; notEvaluated: string[][] } {
  const path = join(FIXTURE_ROOT, rule.id, bucket, `${name}.json`);
  const inventory = inventoryFromSnapshot(fixtureSnapshot(rule, JSON.parse(readFileSync(path, 'utf8')), path), path);
  const { outcomes, notEvaluated } = evaluate(inventory, [rule]);
  return {
    findings: outcomes.flatMap((outcome) => outcome.findings).map((finding) => [...(finding.compliance['cis-azure-3.0'] ?? [])]),
    notEvaluated: notEvaluated.map((entry) => [...(entry.compliance?.['cis-azure-3.0'] ?? [])]),
  };
}
