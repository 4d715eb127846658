import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETWORK_RULES } from '../../rules/network/index.js';
import { NSG_RULES } from '../../rules/nsg/index.js';
import { readRef, readRefs } from '../../src/adapters/setting.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { NotEvaluated } from '../../src/model/not-evaluated.js';
import type { Finding, NotEvaluatedEntry } from '../../src/model/result.js';
import { idKey, isSameOrAncestorKey } from '../../src/inventory/arm-id.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures');

describe('an ARM reference', () => {
  it('missing or null is no reference', () => {
    expect(readRef(undefined, 'properties.networkSecurityGroup')).toBeUndefined();
    expect(readRef(null, 'properties.networkSecurityGroup')).toBeUndefined();
    expect(readRefs(null, 'properties.applicationSecurityGroups')).toEqual([]);
  });

  it('is read from { "id": … }', () => {
    expect(readRef({ id: '/subscriptions/s/x' }, 'p')).toBe('/subscriptions/s/x');
    expect(readRefs([{ id: 'a' }, { id: 'b', name: 'b' }], 'p')).toEqual(['a', 'b']);
  });

  it('is malformed, not absent, when it is anything else', () => {
    for (const value of [7, 'x', true, [], {}, { id: 42 }, { id: null }, { id: '' }, { id: '  ' }, { name: 'nsg' }]) {
      expect(() => readRef(value, 'properties.networkSecurityGroup'), JSON.stringify(value)).toThrow(NotEvaluated);
      expect(() => readRef(value, 'properties.networkSecurityGroup')).toThrow(/^properties\.networkSecurityGroup is .*, expected a reference/);
    }
    for (const value of [7, 'x', {}, [7], [null], [{}], [{ id: 42 }]]) expect(() => readRefs(value, 'p'), JSON.stringify(value)).toThrow(NotEvaluated);
  });
});

/*
 * The property: a malformed value put into one resource's references never removes a finding
 * on another resource, unless the scan says that it could not evaluate the rule there — an
 * entry for the rule on the finding's resource (or one above it, its NSG) or on a resource on
 * the finding's way in from the internet.
 */

const RULES = [...NSG_RULES, ...NETWORK_RULES];

/** Small estates with every way in: the demo tenant and the exposure fixtures. */
const ESTATES: ReadonlyArray<{ name: string; document: { resources: Array<Record<string, unknown>> } }> = [
  { name: 'demo-tenant', document: JSON.parse(readFileSync(join(ROOT, 'demo-tenant.json'), 'utf8')) },
  ...readdirSync(join(ROOT, 'exposure'))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, document: JSON.parse(readFileSync(join(ROOT, 'exposure', file), 'utf8')) })),
];

/** Values that are no reference: wrong types, an empty object, a numeric, empty or null id. */
const MALFORMED: readonly unknown[] = [7, 'x', true, [], {}, { id: 42 }, { id: '' }, { id: null }, ['x'], [{}]];

/**
 * References that ARM requires: for those, null or a missing reference is malformed too. Others
 * (an interface's NSG, a public IP's configuration) may be absent, and null means just that.
 */
const REQUIRED = /\.(frontendIPConfiguration|subnet|httpListener|listener)$/;

interface Site {
  readonly resource: number;
  /** JSON path from the resource: keys and indexes. */
  readonly path: ReadonlyArray<string | number>;
  /** A list of references (where `[]` is a valid value, not a malformed one) rather than one. */
  readonly list: boolean;
}

/** The malformed values for a site: an empty list is a list of no references, and fine. */
const malformedAt = (site: Site): readonly unknown[] => (site.list ? MALFORMED.filter((value) => !(Array.isArray(value) && value.length === 0)) : MALFORMED);

/** Every reference in a resource: an object with an `id` below the top, or an array of them. */
function referenceSites(resource: unknown, index: number): Site[] {
  const sites: Site[] = [];
  const walk = (value: unknown, path: Array<string | number>): void => {
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every((entry) => typeof entry === 'object' && entry !== null && 'id' in entry)) sites.push({ resource: index, path, list: true });
      value.forEach((entry, i) => walk(entry, [...path, i]));
    } else if (typeof value === 'object' && value !== null) {
      if (path.length > 0 && 'id' in value) sites.push({ resource: index, path, list: false });
      for (const [key, entry] of Object.entries(value)) walk(entry, [...path, key]);
    }
  };
  walk((resource as { properties?: unknown }).properties, ['properties']);
  return sites;
}

function withValueAt<T>(document: T, site: Site, value: unknown): T {
  const copy = structuredClone(document) as { resources: unknown[] };
  let parent = copy.resources[site.resource] as Record<string | number, unknown>;
  for (const key of site.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[site.path.at(-1)!] = value;
  return copy as T;
}

function scan(document: unknown): { findings: Finding[]; notEvaluated: NotEvaluatedEntry[] } {
  const { outcomes, notEvaluated } = evaluate(inventoryFromSnapshot(document, 'estate'), RULES);
  return { findings: outcomes.flatMap((outcome) => outcome.findings), notEvaluated };
}

/** Whether a not-evaluated entry of the finding's rule covers its resource, a resource above it, or one on its way in. */
function covered(finding: Finding, notEvaluated: readonly NotEvaluatedEntry[]): boolean {
  const onPath = [finding.resourceId, ...(finding.path ?? []).map((step) => step.id)].map(idKey);
  return notEvaluated.some(
    (entry) => entry.ruleId === finding.ruleId && entry.resourceId !== undefined && onPath.some((key) => isSameOrAncestorKey(idKey(entry.resourceId!), key) || key === idKey(entry.resourceId!)),
  );
}

describe('malformed references, as an attacker would write them', () => {
  const baselines = ESTATES.map((estate) => ({ ...estate, baseline: scan(estate.document), sites: estate.document.resources.flatMap(referenceSites) }));

  const breakable = baselines.filter((estate) => estate.sites.length > 0);

  it('the estates have findings and references to break', () => {
    expect(breakable.length).toBeGreaterThan(10);
    expect(breakable.reduce((sum, estate) => sum + estate.sites.length, 0)).toBeGreaterThan(100);
    expect(baselines.reduce((sum, estate) => sum + estate.baseline.findings.length, 0)).toBeGreaterThan(20);
  });

  it('never remove another resource\'s finding without a not-evaluated entry for it (fast-check, seed 20261203, 400 runs)', () => {
    const mutation = fc
      .integer({ min: 0, max: breakable.length - 1 })
      .chain((estate) => fc.record({ estate: fc.constant(estate), site: fc.constantFrom(...breakable[estate]!.sites) }))
      .chain(({ estate, site }) => fc.record({ estate: fc.constant(estate), site: fc.constant(site), value: fc.constantFrom(...malformedAt(site), null) }))
      .filter(({ site, value }) => value !== null || REQUIRED.test(`.${String(site.path.at(-1))}`));

    fc.assert(
      fc.property(mutation, ({ estate, site, value }) => {
        const { document, baseline } = breakable[estate]!;
        const mutatedId = String(document.resources[site.resource]!.id);
        const after = scan(withValueAt(document, site, value));
        const kept = new Set(after.findings.map((finding) => finding.fingerprint));
        for (const finding of baseline.findings) {
          if (kept.has(finding.fingerprint)) continue;
          // The mutated resource's own findings may change; another's only with a reason given.
          if (isSameOrAncestorKey(idKey(mutatedId), idKey(finding.resourceId))) continue;
          expect(covered(finding, after.notEvaluated), `${finding.ruleId} on ${finding.resourceId} vanished after ${JSON.stringify(value)} at ${mutatedId} ${site.path.join('.')}`).toBe(true);
        }
      }),
      { seed: 20261203, numRuns: 400 },
    );
  });

  it('every reference site, with each malformed value, keeps that promise (exhaustive over the demo tenant)', () => {
    const demo = baselines[0]!;
    let checked = 0;
    for (const site of demo.sites) {
      for (const value of malformedAt(site)) {
        const after = scan(withValueAt(demo.document, site, value));
        const kept = new Set(after.findings.map((finding) => finding.fingerprint));
        const mutatedId = String(demo.document.resources[site.resource]!.id);
        for (const finding of demo.baseline.findings) {
          if (kept.has(finding.fingerprint) || isSameOrAncestorKey(idKey(mutatedId), idKey(finding.resourceId))) continue;
          expect(covered(finding, after.notEvaluated), `${finding.ruleId} on ${finding.resourceId} vanished after ${JSON.stringify(value)} at ${mutatedId} ${site.path.join('.')}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
