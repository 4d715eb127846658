/**
 * No report path builds the whole report as one string: a scan with tens of thousands of
 * findings goes out through the machine formats in pieces, batched into writes of a bounded
 * size, to a stream that pushes back (stdout to a slow reader) and to a file, and what arrives
 * is the report.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { batched, WRITE_BATCH, writeReportFile, writeReportTo } from '../../src/cli/output.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import type { Finding, NotEvaluatedEntry, Outcome, ScanResult } from '../../src/model/result.js';
import { REPORTERS } from '../../src/report/index.js';
import { oldRenderCsv } from '../report/oracles/csv.js';
import { oldRenderJson } from '../report/oracles/json.js';
import { oldRenderJunit } from '../report/oracles/junit.js';
import { oldRenderSarif } from '../report/oracles/sarif.js';
import { DEMO } from './run-cli.js';

const FINDINGS = 20_000;
/** No single write may be bigger than this. */
const MAX_WRITE = 256 * 1024;
const PLAIN = { color: false, verbose: false };

/** The demo tenant's findings copied onto FINDINGS resources (each its own fail outcome), with not-evaluated entries and read errors to match. */
function syntheticResult(): ScanResult {
  const demo = scanInventory(inventoryFromSnapshot(JSON.parse(readFileSync(DEMO, 'utf8')), 'demo'), { rules: RULES });
  const findings: Finding[] = [];
  const outcomes: Outcome[] = [];
  for (let i = 0; i < FINDINGS; i++) {
    const model = demo.findings[i % demo.findings.length]!;
    const finding = { ...model, resourceId: `${model.resourceId}-${i}`, resourceName: `${model.resourceName}-${i}`, fingerprint: `${i}`.padStart(32, '0') };
    findings.push(finding);
    outcomes.push({ ruleId: finding.ruleId, status: 'fail', resourceId: finding.resourceId, resourceType: finding.resourceType, findings: [finding] });
  }
  const notEvaluated: NotEvaluatedEntry[] = [];
  for (let i = 0; i < 2_000; i++) notEvaluated.push({ ruleId: 'AZ-SQL-003', resourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql-${i}`, resourceType: 'Microsoft.Sql/servers', code: 'AuthorizationFailed', reason: 'reading Microsoft.Sql/servers/auditingSettings failed: 403' });
  const collectionErrors = Array.from({ length: 500 }, (_, i) => ({ scope: `/subscriptions/s${i}`, resourceType: 'Microsoft.Sql/servers', code: 'AuthorizationFailed', message: 'no' }));
  return { ...demo, findings, outcomes: [...demo.outcomes, ...outcomes], notEvaluated, collectionErrors };
}

const result = syntheticResult();
const FORMATS = {
  json: oldRenderJson,
  sarif: oldRenderSarif,
  csv: oldRenderCsv,
  junit: oldRenderJunit,
  jsonl: undefined,
} as const;

/** A stream that takes a write at a time, slowly, and records each: stdout to a reader that pushes back. */
function recordingSink(): { stream: Writable; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      writes.push(chunk);
      setImmediate(done);
    },
  });
  return { stream, writes };
}

describe(`a report of ${FINDINGS.toLocaleString('en')} findings`, () => {
  for (const [format, oracle] of Object.entries(FORMATS)) {
    it(`${format}: rendered in small pieces, written in bounded batches, arriving whole`, async () => {
      const reporter = REPORTERS[format as keyof typeof FORMATS];
      let largestPiece = 0;
      let pieces = 0;
      // The pieces are looked at on their way to the writer.
      function* measured(report: Iterable<string>): Generator<string> {
        for (const piece of report) {
          largestPiece = Math.max(largestPiece, piece.length);
          pieces++;
          yield piece;
        }
      }

      const { stream, writes } = recordingSink();
      await writeReportTo(stream, measured(reporter(result, PLAIN)));
      expect(pieces).toBeGreaterThan(FINDINGS);
      expect(largestPiece).toBeLessThan(64 * 1024);
      expect(Math.max(...writes.map((write) => Buffer.byteLength(write)))).toBeLessThanOrEqual(MAX_WRITE);
      // Batched: far fewer writes than pieces, and far more than one.
      expect(writes.length).toBeLessThan(pieces / 20);
      expect(writes.length).toBeGreaterThan(10);
      const text = writes.join('');
      if (oracle) expect(text === oracle(result), `${format} differs from the report written whole`).toBe(true);
      else {
        const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string; fingerprint?: string });
        expect(lines).toHaveLength(FINDINGS + 2_000 + 500 + 1);
        expect(lines.filter((line) => line.kind === 'finding').map((line) => line.fingerprint)).toEqual(result.findings.map((finding) => finding.fingerprint));
        expect(lines.at(-1)!.kind).toBe('summary');
      }

      const file = join(mkdtempSync(join(tmpdir(), 'azscan-writer-')), `report.${format}`);
      writeReportFile(file, reporter(result, PLAIN));
      expect(readFileSync(file, 'utf8') === text, `${format} file differs from what went to the stream`).toBe(true);
    }, 180_000);
  }
});

describe('batched', () => {
  it('joins pieces into batches of at most the batch size, keeping a bigger piece whole, and loses nothing', () => {
    const pieces = ['a'.repeat(10), 'b'.repeat(30), 'c'.repeat(100), 'd', 'e'.repeat(45), 'f'.repeat(5)];
    const batches = [...batched(pieces, 50)];
    expect(batches).toEqual(['a'.repeat(10) + 'b'.repeat(30), 'c'.repeat(100), 'd' + 'e'.repeat(45), 'f'.repeat(5)]);
    expect([...batched([], 50)]).toEqual([]);
    expect(WRITE_BATCH).toBe(64 * 1024);
  });
});
