/**
 * Reports written as streams: the machine formats yield their text in pieces (a finding at a
 * time), and the pieces joined are exactly the report azscan wrote as one string before
 * (`oracles/`, kept only here). A report is never one giant string, whatever the estate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { Baseline } from '../../src/engine/baseline.js';
import { scanInventory, type ScanOptions } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import type { ScanResult } from '../../src/model/result.js';
import { REPORTERS, reportText } from '../../src/report/index.js';
import { oldRenderCsv } from './oracles/csv.js';
import { oldRenderJson } from './oracles/json.js';
import { oldRenderJunit } from './oracles/junit.js';
import { oldRenderSarif } from './oracles/sarif.js';

const ROOT = join(import.meta.dirname, '..', '..');
const HOSTILE = "\u001b[2J\u009b31m\u202eexe\u2066 \u2028line\u2029 \"quoted\" <x>&'\n=cmd|'/C calc'!A0\r\nCRITICAL (0)";
const PLAIN = { color: false, verbose: false };

type Json = Record<string, unknown> & { resources: Array<Record<string, unknown>> };
const fixture = (path: string): Json => JSON.parse(readFileSync(join(ROOT, 'fixtures', path), 'utf8')) as Json;

/** Every name made hostile, one resource malformed, and read errors recorded, so that every list of the result has entries. */
function hostile(document: Json): Json {
  for (const resource of document.resources) if (typeof resource.name === 'string') resource.name = `${resource.name}${HOSTILE}`;
  document.resources.push({ type: 'Microsoft.Network/networkSecurityGroups', properties: {} });
  const subscription = (document.resources[0]!.id as string).split('/').slice(0, 3).join('/');
  document.errors = [
    { scope: subscription, resourceType: 'Microsoft.Sql/servers', code: 'AuthorizationFailed', message: `no${HOSTILE}` },
    { scope: `${subscription}/resourceGroups/rg${HOSTILE}`, code: 'ECONNRESET', message: '' },
  ];
  return document;
}

function scan(document: Json, options: Partial<ScanOptions> = {}): ScanResult {
  return scanInventory(inventoryFromSnapshot(document, 'fixture'), { rules: RULES, ...options });
}

/** A baseline holding all but the first finding of `result`, and one finding since fixed. */
function baselineOf(result: ScanResult): Baseline {
  const findings = result.findings.slice(1).map(({ fingerprint, ruleId, resourceId, severity, title }) => ({ fingerprint, ruleId, resourceId, severity, title }));
  const gone = { fingerprint: 'f'.repeat(32), ruleId: 'AZ-STG-001', resourceId: `/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/gone${HOSTILE}`, severity: 'high' as const, title: 'gone' };
  return { path: 'before.json', findings: [...findings, gone] };
}

/** The fixture results the reports are compared on: the demo tenant plain, hostile, with every option; each live tenant. */
export function fixtureResults(): Array<[string, ScanResult]> {
  const demo = () => fixture('demo-tenant.json');
  const suppressions = [{ rule: 'AZ-NSG-001', resource: '*/nsg-lab-debug*', reason: `lab${HOSTILE}`, source: 'test' }];
  const results: Array<[string, ScanResult]> = [
    ['demo', scan(demo())],
    ['demo, hostile, read errors', scan(hostile(demo()))],
    ['demo with suppressions, a baseline and --compliance', scan(demo(), { suppressions, baseline: baselineOf(scan(demo())), compliance: 'cis-azure-3.0' })],
    ['demo at --severity high', scan(demo(), { minSeverity: 'high' })],
    ['empty estate', scan({ ...demo(), resources: [] })],
  ];
  for (const tenant of ['appservice', 'compute', 'containers', 'cosmos-redis', 'flexible-servers', 'kv-logging', 'security']) {
    results.push([`${tenant}, hostile`, scan(hostile(fixture(`live/${tenant}-tenant.json`)))]);
  }
  return results;
}

const ORACLES = { json: oldRenderJson, sarif: oldRenderSarif, csv: oldRenderCsv, junit: oldRenderJunit } as const;

describe('streamed reports equal the reports written whole', () => {
  for (const [name, result] of fixtureResults()) {
    it(`${name}: json, sarif, csv and junit, byte for byte`, () => {
      expect(result.findings.length + result.notEvaluated.length).toBeGreaterThan(name === 'empty estate' ? -1 : 0);
      for (const [format, oracle] of Object.entries(ORACLES)) {
        const chunks = [...REPORTERS[format as keyof typeof ORACLES](result, PLAIN)];
        expect(chunks.join(''), format).toBe(oracle(result));
        if (result.findings.length > 1) expect(chunks.length, `${format} is written in pieces`).toBeGreaterThan(result.findings.length);
      }
    });
  }

  it('the fixtures exercise every list a report streams: findings, not evaluated, read errors, suppressed, baseline, compliance', () => {
    const all = fixtureResults().map(([, result]) => result);
    expect(all.some((result) => result.collectionErrors.length > 0)).toBe(true);
    expect(all.some((result) => result.notEvaluated.some((entry) => entry.ruleId === undefined))).toBe(true);
    expect(all.some((result) => result.findings.some((finding) => finding.suppressed))).toBe(true);
    expect(all.some((result) => (result.baseline?.fixed.length ?? 0) > 0 && result.compliance !== undefined)).toBe(true);
  });

  it('reportText joins the same pieces the reporter yields', () => {
    const [, result] = fixtureResults()[1]!;
    for (const format of Object.keys(ORACLES) as Array<keyof typeof ORACLES>) expect(reportText(REPORTERS[format], result, PLAIN)).toBe(ORACLES[format](result));
  });
});

/**
 * The list as a reporter may read it: from the start, with `for … of`, as many passes as it
 * likes. Anything else (its length, an index, `.map`, `.filter`, JSON.stringify of the whole)
 * throws, as it would on a list backed by a file spilled to disk.
 */
function passesOnly<T>(items: readonly T[], name: string): readonly T[] {
  return new Proxy(items, {
    get(target, key) {
      if (key === Symbol.iterator) return () => target[Symbol.iterator]();
      throw new Error(`a reporter read ${name}.${String(key)}: lists are read by iterating them`);
    },
  });
}

function withPassesOnly(result: ScanResult): ScanResult {
  return {
    ...result,
    findings: passesOnly(result.findings, 'findings'),
    notEvaluated: passesOnly(result.notEvaluated, 'notEvaluated'),
    outcomes: passesOnly(result.outcomes, 'outcomes'),
    collectionErrors: passesOnly(result.collectionErrors, 'collectionErrors'),
  };
}

describe('reporters read the long lists only by iterating them', () => {
  for (const [name, result] of fixtureResults().slice(0, 5)) {
    it(`${name}: every format, the same text as from arrays`, () => {
      for (const format of Object.keys(REPORTERS) as Array<keyof typeof REPORTERS>) {
        const options = { color: false, verbose: true, width: 100 };
        expect(reportText(REPORTERS[format], withPassesOnly(result), options), format).toBe(reportText(REPORTERS[format], result, options));
      }
    });
  }

  it('the guard works: reading a length throws', () => {
    const [, result] = fixtureResults()[0]!;
    expect(() => withPassesOnly(result).findings.length).toThrow(/findings\.length/);
    expect(() => JSON.stringify(withPassesOnly(result).findings)).toThrow(/toJSON/);
  });
});
