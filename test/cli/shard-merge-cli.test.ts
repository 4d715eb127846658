import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashShardOf } from '../../src/inventory/shard.js';
import { ESTATE_SUBSCRIPTIONS, multiSubscriptionEstate } from '../engine/multi-subscription-estate.js';
import { DEMO, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-shard-merge-'));
const path = (name: string) => join(dir, name);
const MULTI = path('multi-subscription.json');
writeFileSync(MULTI, JSON.stringify(multiSubscriptionEstate(), null, 2));

type Report = Record<string, unknown> & { source: Record<string, unknown>; summary: Record<string, unknown> };
const read = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report;
const withoutSource = ({ source: _source, ...rest }: Report) => rest;
const SCAN = ['--format', 'json', '--compliance', 'cis-azure-3.0', '--fail-on', 'high'];

/** Scans each shard of N into its own file and returns their paths. */
function scanShards(snapshot: string, count: number, label: string, extra: readonly string[] = []): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = path(`${label}-${i + 1}-of-${count}.json`);
    const run = runCli(['scan', '--snapshot', snapshot, ...SCAN, ...extra, '--shard', `${i + 1}/${count}`, '--output', file]);
    expect(run.stderr).toBe('');
    return file;
  });
}

describe('scan --shard I/N, then merge: the unsharded report', () => {
  it('builds a multi-subscription estate whose subscriptions spread over the shards', () => {
    for (const count of [2, 3]) expect(new Set(ESTATE_SUBSCRIPTIONS.slice(0, 4).map((sub) => hashShardOf(sub, count))).size).toBeGreaterThan(1);
  });

  it.each([
    ['the demo tenant', DEMO, 'demo'],
    ['six subscriptions with cross-subscription references, failed reads and malformed resources', MULTI, 'multi'],
  ])('%s: merging N=2 and N=3 shards equals the unsharded report and exit code', (_name, snapshot, label) => {
    const whole = path(`${label}-whole.json`);
    const unsharded = runCli(['scan', '--snapshot', snapshot, ...SCAN, '--output', whole]);
    const expected = read(whole);
    for (const count of [2, 3]) {
      const shards = scanShards(snapshot, count, label);
      // Every shard evaluates only its own: the shards' findings add up to the whole's.
      const totals = shards.map((file) => (read(file).summary.findings as { total: number }).total);
      expect(totals.reduce((a, b) => a + b, 0)).toBe((expected.summary.findings as { total: number }).total);
      const mergedFile = path(`${label}-merged-${count}.json`);
      // Given in any order.
      const merge = runCli(['merge', ...[...shards].reverse(), '--output', mergedFile, '--fail-on', 'high']);
      expect(merge.stderr).toBe('');
      expect(merge.status).toBe(unsharded.status);
      const merged = read(mergedFile);
      expect(withoutSource(merged)).toEqual(withoutSource(expected));
      expect(JSON.stringify(withoutSource(merged))).toBe(JSON.stringify(withoutSource(expected)));
      const { path: _path, ...source } = expected.source;
      expect(merged.source).toMatchObject({ ...source, mergedShards: count });
      expect(merged.source.shard).toBeUndefined();
    }
    if (label === 'multi') expect(expected.summary.complete).toBe(false);
  });

  it('--shard 1/1 evaluates what no shard does, and merges alone to the unsharded report', () => {
    const whole = path('one-whole.json');
    runCli(['scan', '--snapshot', MULTI, ...SCAN, '--output', whole]);
    const [only] = scanShards(MULTI, 1, 'one');
    expect(read(only!).source.shard).toMatchObject({ index: 1, count: 1, assignment: 'hash' });
    const merged = path('one-merged.json');
    runCli(['merge', only!, '--output', merged]);
    expect(withoutSource(read(merged))).toEqual(withoutSource(read(whole)));
  });

  it('lists each subscription in scope in its hash shard, even one with no resource, with its evaluated resources', () => {
    const shards = scanShards(MULTI, 3, 'lists');
    for (const [i, file] of shards.entries()) {
      const listed = (read(file).subscriptions as Array<{ subscriptionId: string }>).map((sub) => sub.subscriptionId);
      expect(listed.sort()).toEqual(ESTATE_SUBSCRIPTIONS.filter((sub) => hashShardOf(sub, 3) === i + 1).sort());
    }
    runCli(['scan', '--snapshot', MULTI, '--format', 'json', '--output', path('lists-whole.json')]);
    const whole = read(path('lists-whole.json'));
    const counts = Object.fromEntries((whole.subscriptions as Array<{ subscriptionId: string; resourcesEvaluated: number }>).map((sub) => [sub.subscriptionId, sub.resourcesEvaluated]));
    // The subscription itself is its one resource, which the subscription-level rules evaluate.
    expect(counts[ESTATE_SUBSCRIPTIONS[4]!]).toBe(1);
    expect(counts[ESTATE_SUBSCRIPTIONS[0]!]).toBeGreaterThan(20);
  });
});

describe('merge refuses what cannot add up, in one line naming the file', () => {
  const shards = scanShards(MULTI, 3, 'refuse');
  const [one, two, three] = shards as [string, string, string];
  const unsharded = path('refuse-whole.json');
  runCli(['scan', '--snapshot', MULTI, ...SCAN, '--output', unsharded]);
  const merged = path('refuse-merged.json');
  runCli(['merge', ...shards, '--output', merged]);
  const write = (name: string, text: string) => {
    writeFileSync(path(name), text);
    return path(name);
  };
  const edited = (name: string, edit: (report: Report) => void) => {
    const report = read(two);
    edit(report);
    return write(name, JSON.stringify(report));
  };

  it.each([
    ['a duplicated shard', () => [one, two, three, write('copy-of-2.json', readFileSync(two, 'utf8'))], /copy-of-2\.json: shard 2 of 3 is also .*refuse-2-of-3\.json$/],
    ['a shard of another selection', () => [one, scanShards(MULTI, 3, 'foreign', ['--severity', 'high'])[1]!, three], /foreign-2-of-3\.json: selectionHash \w+ differs from/],
    ['a shard of another N', () => [one, two, scanShards(MULTI, 4, 'other-n')[2]!], /other-n-3-of-4\.json: shard 3 of 4, but .* is of 3$/],
    ['a shard of another version', () => [one, edited('version.json', (report) => ((report.tool as { version: string }).version = '0.0.9')), three], /version\.json: written by azscan 0\.0\.9/],
    ['an unsharded report', () => [one, unsharded, three], /refuse-whole\.json: is not a shard report \(no source\.shard\)/],
    ['a merged report', () => [one, merged, three], /refuse-merged\.json: is a merged report, not a shard/],
    ['a file that is not JSON', () => [one, write('garbage.json', 'not json {'), three], /garbage\.json: not valid JSON/],
    ['a snapshot', () => [one, MULTI, three], /multi-subscription\.json: not an azscan JSON report/],
    ['a shard whose findings lost their order', () => [one, edited('no-order.json', (report) => (report.findings as Array<Record<string, unknown>>).forEach((f) => delete f.inputOrder)), three], /no-order\.json: findings\[0\]\.inputOrder: expected/],
    ['a shard whose findings do not add up to its summary', () => [one, edited('copied.json', (report) => (report.findings as unknown[]).push((report.findings as unknown[])[0])), three], /copied\.json: summary\.findings\.total is \d+, but findings lists \d+/],
    ['a file that is not there', () => [one, path('absent.json'), three], /absent\.json: file not found/],
  ])('%s: exit 2', (_name, files, message) => {
    const run = runCli(['merge', ...files(), '--output', path('refused.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
    expect(run.stderr.trim()).toMatch(message);
  });

  it('a missing shard: the merged report is written, incomplete, with a ShardMissing entry, and exit 3 names it', () => {
    const out = path('missing.json');
    const run = runCli(['merge', one, three, '--output', out]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/shard 2 of 3 is missing/);
    const merged = read(out);
    expect(merged.summary.complete).toBe(false);
    expect(merged.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ShardMissing', reason: expect.stringMatching(/^shard 2 of 3 /) })]));
    // --allow-partial does not waive a part of the estate nobody looked at; a finding at --fail-on still wins.
    expect(runCli(['merge', one, three, '--output', out, '--allow-partial']).status).toBe(3);
    expect(runCli(['merge', one, three, '--output', out, '--fail-on', 'low']).status).toBe(1);
    // No control passes on what the missing shard would have said.
    const controls = (merged.compliance as { controls: Array<{ status: string }> }).controls;
    expect(controls.some((control) => control.status === 'pass')).toBe(false);
  });

  it('--shard and --shard-weights are checked before anything is read', () => {
    for (const [args, message] of [
      [['--shard', '3/2'], /--shard 3\/2: I must be from 1 to N \(2\)/],
      [['--shard', 'two'], /--shard two: expected I\/N/],
      [['--shard-weights', unsharded], /--shard-weights FILE needs --shard I\/N/],
      [['--shard', '1/2', '--baseline', unsharded], /--baseline cannot be used with --shard/],
      [['--shard', '1/2', '--shard-weights', MULTI], /--shard-weights .*: not an azscan JSON report/],
    ] as const) {
      const run = runCli(['scan', '--snapshot', MULTI, ...args]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
      expect(run.stderr).toMatch(message);
    }
  });
});

describe('scan --shard I/N --shard-weights previous.json', () => {
  it('splits by the previous report\'s resource counts, every shard alike, and still merges to the unsharded report', () => {
    const previous = path('weights-previous.json');
    runCli(['scan', '--snapshot', MULTI, '--format', 'json', '--output', previous]);
    const whole = path('weights-whole.json');
    const unsharded = runCli(['scan', '--snapshot', MULTI, ...SCAN, '--output', whole]);
    const shards = scanShards(MULTI, 3, 'weights', ['--shard-weights', previous]);
    for (const file of shards) expect(read(file).source.shard).toMatchObject({ count: 3, assignment: 'weights' });
    const merged = path('weights-merged.json');
    const merge = runCli(['merge', ...shards, '--output', merged, '--fail-on', 'high']);
    expect(merge.status).toBe(unsharded.status);
    expect(withoutSource(read(merged))).toEqual(withoutSource(read(whole)));

    // Other weights are another split: its shards are foreign to these.
    const report = read(previous);
    (report.subscriptions as Array<{ resourcesEvaluated: number }>)[0]!.resourcesEvaluated += 1000;
    writeFileSync(path('weights-other.json'), JSON.stringify(report));
    const [foreign] = scanShards(MULTI, 3, 'weights-foreign', ['--shard-weights', path('weights-other.json')]);
    const refused = runCli(['merge', foreign!, shards[1]!, shards[2]!, '--output', path('weights-refused.json')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/selectionHash \w+ differs/);
  });
});

describe('merge --format', () => {
  it('writes sarif, csv, markdown and table as the unsharded scan does', () => {
    const shards = scanShards(MULTI, 3, 'formats');
    for (const format of ['sarif', 'csv', 'markdown', 'table']) {
      const unsharded = runCli(['scan', '--snapshot', MULTI, '--format', format, '--compliance', 'cis-azure-3.0']);
      const merged = runCli(['merge', ...shards, '--format', format]);
      expect(merged.status, format).toBe(unsharded.status);
      if (format !== 'sarif') {
        expect(merged.stdout, format).toBe(unsharded.stdout);
        continue;
      }
      const [one, other] = [JSON.parse(unsharded.stdout), JSON.parse(merged.stdout)];
      expect(other.runs[0].properties.source.mergedShards).toBe(3);
      delete one.runs[0].properties.source;
      delete other.runs[0].properties.source;
      expect(other).toEqual(one);
    }
  });

  it('refuses junit and html, which need every outcome', () => {
    for (const format of ['junit', 'html']) {
      const run = runCli(['merge', path('formats-1-of-3.json'), '--format', format]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^azscan: [^\n]*--format <name>[^\n]*\n$/);
    }
  });
});
