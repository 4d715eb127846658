import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_ENDPOINT_SOURCES } from '../../src/adapters/exposure/platform/index.js';
import { platformExposure } from '../../src/adapters/exposure/platform/evaluate.js';
import { typeKey } from '../../src/inventory/arm-id.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { ROOT, runCli } from '../cli/run-cli.js';

/*
 * The edge-case table of docs/platform-endpoints.md, run row by row: each row names a fixture
 * (`fixtures/exposure/platform/<service>/<case>.json`) and the `reachableBy` every platform
 * endpoint of the fixture's resource must have; `not listed` means it has none (and is not
 * unknown), `unknown` that it is listed as unknown (and has none). The fixture's resources are
 * those of a type some platform source evaluates, so rows added for a new source need nothing here.
 */

const DOC = join(ROOT, 'docs', 'platform-endpoints.md');
const FIXTURES = join(ROOT, 'fixtures', 'exposure', 'platform');
const OUTCOMES = ['everyone', 'azure', 'ranges', 'not listed', 'unknown'] as const;
type Outcome = (typeof OUTCOMES)[number];

interface Row {
  readonly section: string;
  readonly fixture: string;
  readonly input: string;
  readonly expected: Outcome;
  readonly learn: string;
}

/** Every row of every table under `## Edge cases`, by its `### ` section. */
function edgeCaseRows(): Row[] {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf('\n## Edge cases');
  if (start < 0) throw new Error('docs/platform-endpoints.md has no "## Edge cases" section');
  const rows: Row[] = [];
  let section = '';
  for (const line of text.slice(start).split('\n')) {
    if (line.startsWith('### ')) section = line.slice(4).trim();
    if (!line.startsWith('|') || /^\|\s*(Fixture|-)/.test(line)) continue;
    const cells = line.replace(/^\|/, '').replace(/\|\s*$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
    if (cells.length !== 4) throw new Error(`${section}: a row needs 4 cells (fixture, input, reachableBy, Learn URL): ${line}`);
    const [fixture, input, expected, learn] = cells as [string, string, string, string];
    rows.push({ section, fixture: fixture.replace(/`/g, ''), input, expected: expected.replace(/`/g, '') as Outcome, learn });
  }
  return rows;
}

const ROWS = edgeCaseRows();
const SOURCE_TYPES = new Set(PLATFORM_ENDPOINT_SOURCES.map((source) => typeKey(source.resourceType)));

function fixturePath(row: Row): string {
  return join(FIXTURES, `${row.fixture}.json`);
}

/** The ids of the resources under test: those of a type a platform source evaluates. */
function resourcesUnderTest(document: { resources: Array<{ id: string; type: string }> }): string[] {
  return document.resources.filter((resource) => SOURCE_TYPES.has(typeKey(resource.type))).map((resource) => resource.id.toLowerCase());
}

/** What the rows say about each resource, against what exposure found: a message per mismatch. */
function mismatches(row: Row, ids: readonly string[], endpoints: ReadonlyArray<{ resourceId: string; reachableBy: string }>, unknown: ReadonlyArray<{ id: string }>): string[] {
  const problems: string[] = [];
  for (const id of ids) {
    const own = endpoints.filter((endpoint) => endpoint.resourceId.toLowerCase() === id);
    const isUnknown = unknown.some((entry) => entry.id.toLowerCase() === id);
    if (row.expected === 'not listed') {
      if (own.length > 0 || isUnknown) problems.push(`${id}: expected not listed, got ${own.length} endpoint(s)${isUnknown ? ' and unknown' : ''}`);
    } else if (row.expected === 'unknown') {
      if (!isUnknown || own.length > 0) problems.push(`${id}: expected unknown, got ${isUnknown ? '' : 'not unknown, '}${own.length} endpoint(s)`);
    } else {
      if (own.length === 0) problems.push(`${id}: expected ${row.expected}, got no endpoint${isUnknown ? ' (unknown)' : ''}`);
      for (const endpoint of own) if (endpoint.reachableBy !== row.expected) problems.push(`${id}: expected ${row.expected}, got ${endpoint.reachableBy}`);
      if (isUnknown) problems.push(`${id}: expected ${row.expected}, and it is also unknown`);
    }
  }
  return problems;
}

describe('docs/platform-endpoints.md edge cases', () => {
  it('has rows, each well formed: a fixture, an input, a known reachableBy and a Microsoft Learn page', () => {
    expect(ROWS.length).toBeGreaterThan(0);
    for (const row of ROWS) {
      expect(row.fixture, `${row.section}`).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(row.input, row.fixture).not.toBe('');
      expect(OUTCOMES, row.fixture).toContain(row.expected);
      expect(row.learn, row.fixture).toMatch(/^https:\/\/learn\.microsoft\.com\/\S+$/);
    }
    const names = ROWS.map((row) => row.fixture);
    expect(names.filter((name, i) => names.indexOf(name) !== i), 'fixtures named twice').toEqual([]);
  });

  it('every fixture file has its row, so none is left untested', () => {
    const files = existsSync(FIXTURES)
      ? readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\\/g, '/').replace(/\.json$/, ''))
      : [];
    expect(files.filter((file) => !ROWS.some((row) => row.fixture === file)).sort()).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.section}: ${row.fixture} → ${row.expected}`, () => {
      // A row whose fixture is missing fails here: the table cannot promise what nothing tests.
      expect(existsSync(fixturePath(row)), `${relative(ROOT, fixturePath(row))} is missing`).toBe(true);
      const document = JSON.parse(readFileSync(fixturePath(row), 'utf8'));
      const ids = resourcesUnderTest(document);
      expect(ids.length, `${row.fixture} holds no resource of a type a platform source evaluates`).toBeGreaterThan(0);
      const { endpoints, unknown } = platformExposure(inventoryFromSnapshot(document, row.fixture));
      expect(mismatches(row, ids, endpoints, unknown)).toEqual([]);
    });
  }

  // The CLI itself on the first row of each section that has rows: the JSON a user gets says the same.
  const firstOfEachSection = ROWS.filter((row, i) => ROWS.findIndex((other) => other.section === row.section) === i);
  for (const row of firstOfEachSection) {
    it(`azscan exposure --format json --snapshot ${row.fixture} → ${row.expected}`, () => {
      const run = runCli(['exposure', '--format', 'json', '--snapshot', fixturePath(row), '--allow-partial']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout);
      const ids = resourcesUnderTest(JSON.parse(readFileSync(fixturePath(row), 'utf8')));
      expect(mismatches(row, ids, report.platformEndpoints, report.unknown)).toEqual([]);
    });
  }
});
