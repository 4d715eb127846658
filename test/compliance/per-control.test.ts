/**
 * A control's status comes from its own resources' findings only. Four controls that ask the
 * same kind of question of different services (TLS and secure transport: App Service 9.4,
 * storage 4.15, PostgreSQL 5.2.1, MySQL 5.3.1) are put in one estate, each service's resource
 * taken from its rule's own fixtures: one failing, the others passing. Only the failing
 * service's control fails, with exactly its rule's findings, each on that service's resource;
 * the others pass. A finding of one service can neither fail nor hide another's control.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { findRule } from '../../src/model/rule.js';
import { fixtureSnapshot } from '../rules/rule-tester.js';

const ROOT = join(import.meta.dirname, '..', '..');

interface Case {
  readonly control: string;
  readonly ruleId: string;
  readonly fail: string;
  readonly pass: string;
}

const CASES: readonly Case[] = [
  { control: '9.4', ruleId: 'AZ-APP-002', fail: 'site-tls-1-0', pass: 'tls-1-2-and-1-3' },
  { control: '4.15', ruleId: 'AZ-STG-005', fail: 'tls1-0', pass: 'tls1-2' },
  { control: '5.2.1', ruleId: 'AZ-PG-001', fail: 'explicitly-off', pass: 'explicitly-on' },
  { control: '5.3.1', ruleId: 'AZ-MY-001', fail: 'explicitly-off', pass: 'explicitly-on' },
];

interface Snapshot {
  schemaVersion: number;
  collected: string[];
  resources: Array<{ id: string }>;
  subscriptions?: unknown[];
  errors?: unknown[];
}

/** A rule's fixture as the rule tester reads it: its `collected` with what the rule needs. */
function fixture(ruleId: string, bucket: 'pass' | 'fail', name: string): Snapshot {
  const path = join(ROOT, 'fixtures', 'rules', ruleId, bucket, `${name}.json`);
  return fixtureSnapshot(findRule(RULES, ruleId)!, JSON.parse(readFileSync(path, 'utf8')), path) as Snapshot;
}

/** One estate of the four services: `failing`'s failing fixture and the others' passing ones. */
function estate(failing: Case) {
  const parts = CASES.map((c) => fixture(c.ruleId, c === failing ? 'fail' : 'pass', c === failing ? c.fail : c.pass));
  const merged: Snapshot = {
    schemaVersion: 1,
    collected: [...new Set(parts.flatMap((part) => part.collected))],
    resources: parts.flatMap((part) => part.resources),
    errors: parts.flatMap((part) => part.errors ?? []),
  };
  const failingIds = new Set(parts[CASES.indexOf(failing)]!.resources.map((resource) => resource.id.toLowerCase()));
  const rules = RULES.filter((rule) => CASES.some((c) => c.ruleId === rule.id));
  return { result: scanInventory(inventoryFromSnapshot(merged, 'per-control estate'), { rules, compliance: 'cis-azure-3.0' }), failingIds };
}

describe('compliance per control', () => {
  it('holds four services to be told apart: their resources do not collide', () => {
    const ids = CASES.flatMap((c) => [...fixture(c.ruleId, 'fail', c.fail).resources, ...fixture(c.ruleId, 'pass', c.pass).resources].map((r) => r.id.toLowerCase()));
    const byService = CASES.map((c) => new Set([...fixture(c.ruleId, 'fail', c.fail).resources, ...fixture(c.ruleId, 'pass', c.pass).resources].map((r) => r.id.toLowerCase())));
    for (const [i, a] of byService.entries()) for (const b of byService.slice(i + 1)) expect([...a].filter((id) => b.has(id))).toEqual([]);
    expect(ids.length).toBeGreaterThan(CASES.length);
  });

  for (const failing of CASES) {
    it(`fails ${failing.control} on ${failing.ruleId}'s resource alone, and passes the others`, () => {
      const { result, failingIds } = estate(failing);
      const control = (id: string) => result.compliance!.controls.find((c) => c.id === id)!;
      const own = result.findings.filter((finding) => finding.ruleId === failing.ruleId);
      expect(own.length).toBeGreaterThan(0);
      expect(control(failing.control)).toMatchObject({ status: 'fail', findings: own.length, notEvaluated: 0 });
      for (const finding of result.findings) {
        expect(finding.ruleId, finding.message).toBe(failing.ruleId);
        expect(finding.compliance['cis-azure-3.0']).toEqual([failing.control]);
        expect(failingIds.has(finding.resourceId.toLowerCase()) || [...failingIds].some((id) => finding.resourceId.toLowerCase().startsWith(`${id}/`)), finding.resourceId).toBe(true);
      }
      for (const other of CASES.filter((c) => c !== failing)) {
        expect(control(other.control), other.control).toMatchObject({ status: 'pass', findings: 0, notEvaluated: 0, rules: expect.arrayContaining([other.ruleId]) });
      }
    });
  }
});
