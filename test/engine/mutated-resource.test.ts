/**
 * As an attacker would test it: in each issue 11 live tenant, make one resource's
 * `properties` malformed at a time, and check that no finding the intact tenant had vanishes
 * without a not-evaluated entry that accounts for it: the same rule on the same resource (or
 * the resource it is part of), or the malformed resource itself, named in the entry. One bad
 * resource must never turn another's finding into a silent pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import type { ScanResult } from '../../src/model/result.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TENANTS = ['appservice', 'containers', 'cosmos-redis', 'flexible-servers', 'compute', 'security', 'kv-logging'];
const MALFORMED_VALUES: readonly unknown[] = ['x', 7, []];

type Resource = { id: string; properties?: unknown };

function scan(document: unknown, label: string): ScanResult {
  return scanInventory(inventoryFromSnapshot(document, label), { rules: RULES });
}

const lower = (id: string | undefined) => (id ?? '').toLowerCase();

describe('one malformed resource hides no other finding', () => {
  for (const file of TENANTS) {
    it(`${file}: every finding that vanishes is accounted for by a not-evaluated entry`, () => {
      const text = readFileSync(join(ROOT, 'fixtures', 'live', `${file}-tenant.json`), 'utf8');
      const intact = scan(JSON.parse(text), file);
      const resources = (JSON.parse(text) as { resources: Resource[] }).resources;
      let mutations = 0;
      let vanished = 0;
      for (const [index, target] of resources.entries()) {
        for (const value of MALFORMED_VALUES) {
          const document = JSON.parse(text) as { resources: Resource[] };
          document.resources[index]!.properties = value;
          const mutated = scan(document, `${file} with resources[${index}].properties = ${JSON.stringify(value)}`);
          mutations++;
          const still = new Set(mutated.findings.map((finding) => finding.fingerprint));
          for (const finding of intact.findings.filter((f) => !still.has(f.fingerprint))) {
            vanished++;
            const accounted = mutated.notEvaluated.some((entry) => {
              const on = lower(entry.resourceId);
              const sameRule = entry.ruleId === undefined || entry.ruleId === finding.ruleId;
              const sameResource = on !== '' && (lower(finding.resourceId) === on || lower(finding.resourceId).startsWith(`${on}/`) || on.startsWith(`${lower(finding.resourceId)}/`));
              const theMalformedOne = on === lower(target.id) || entry.inputLocation === `resources[${index}]`;
              return (sameRule && sameResource) || (sameRule && theMalformedOne);
            });
            expect(accounted, `${finding.ruleId} on ${finding.resourceId} vanished when resources[${index}] (${target.id}) had properties ${JSON.stringify(value)}`).toBe(true);
          }
        }
      }
      expect(mutations).toBe(resources.length * MALFORMED_VALUES.length);
      expect(intact.findings.length).toBeGreaterThan(0);
      // The check above ran: malforming a failing resource does take its findings away.
      expect(vanished).toBeGreaterThan(0);
    });
  }
});
