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
function scanFixtures(): Array<[string, ScanResult]> {
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

let scanned: Array<[string, ScanResult]> | undefined;
/** The fixture results, scanned once for the whole file. */
const fixtureResults = (): Array<[string, ScanResult]> => (scanned ??= scanFixtures());

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

type JsonRecord = Record<string, unknown>;

/** The report's records in order, each as its key order writes it: a difference in order or in content shows. */
const inOrder = (records: readonly unknown[]): string[] => records.map((record) => JSON.stringify(record));

describe('jsonl: the JSON report, a record a line', () => {
  for (const [name, result] of fixtureResults()) {
    it(`${name}: every finding, not-evaluated entry and read error in report order, then the summary`, () => {
      const text = reportText(REPORTERS.jsonl, result, PLAIN);
      const report = JSON.parse(oldRenderJson(result)) as JsonRecord & { findings: JsonRecord[]; notEvaluated: JsonRecord[]; collectionErrors: JsonRecord[] };
      expect(text.endsWith('\n')).toBe(true);
      // One record a line, and no line break of any kind inside a line (U+2028 included).
      const lines = text.slice(0, -1).split('\n');
      for (const line of lines) expect(line).not.toMatch(/[\r\u2028\u2029\u0085]/);
      const records = lines.map((line) => JSON.parse(line) as JsonRecord);
      for (const record of records) expect(Object.keys(record)[0]).toBe('kind');
      const withoutKind = (kind: string) => records.filter((record) => record.kind === kind).map(({ kind: _, ...rest }) => rest);
      expect(inOrder(withoutKind('finding'))).toEqual(inOrder(report.findings));
      expect(inOrder(withoutKind('notEvaluated'))).toEqual(inOrder(report.notEvaluated));
      expect(inOrder(withoutKind('collectionError'))).toEqual(inOrder(report.collectionErrors));
      expect(records.map((record) => record.kind)).toEqual([
        ...report.findings.map(() => 'finding'),
        ...report.notEvaluated.map(() => 'notEvaluated'),
        ...report.collectionErrors.map(() => 'collectionError'),
        'summary',
      ]);
      const { rules: _rules, findings: _findings, notEvaluated: _notEvaluated, collectionErrors: _errors, ...whole } = report;
      expect(JSON.stringify(withoutKind('summary')[0])).toBe(JSON.stringify(whole));
      expect(Object.keys(whole).slice(0, 6)).toEqual(['schemaVersion', 'tool', 'source', 'summary', 'subscriptions', 'skippedSubscriptions']);
    });
  }

  it('carries the suppressions, the baseline and the compliance view on the summary line when the scan has them', () => {
    const [, result] = fixtureResults()[2]!;
    const summary = JSON.parse(reportText(REPORTERS.jsonl, result, PLAIN).trimEnd().split('\n').at(-1)!) as JsonRecord;
    expect(Object.keys(summary).slice(-3)).toEqual(['suppressions', 'baseline', 'compliance']);
    expect((summary.baseline as { fixed: unknown[] }).fixed).toHaveLength(result.baseline!.fixed.length);
  });

  it('streamed json parses to the report written whole, in the same key order (summary before findings)', () => {
    for (const [name, result] of fixtureResults()) {
      const streamed = JSON.parse(reportText(REPORTERS.json, result, PLAIN)) as JsonRecord;
      expect(JSON.stringify(streamed), name).toBe(JSON.stringify(JSON.parse(oldRenderJson(result))));
      expect(Object.keys(streamed).indexOf('summary')).toBeLessThan(Object.keys(streamed).indexOf('findings'));
    }
  });
});
