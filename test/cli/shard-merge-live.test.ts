import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeArm } from '../fake-arm/server.js';
import { runLive, startDemoArm } from '../collect/live-cli.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-shard-live-'));
const path = (name: string) => join(dir, name);
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const withoutSource = ({ source: _source, ...rest }: Record<string, unknown>) => rest;

let arm: FakeArm;
beforeAll(async () => {
  arm = await startDemoArm();
});
afterAll(() => arm.close());

describe('live scan --shard I/N, then merge', () => {
  it('merging the shards of a live scan equals the unsharded live report and exit code', { timeout: 180_000 }, async () => {
    const args = ['scan', '--format', 'json', '--compliance', 'cis-azure-3.0', '--fail-on', 'high', '--quiet'];
    const whole = await runLive(arm, [...args, '--output', path('live-whole.json')]);
    expect(whole.stderr).toBe('');
    for (const count of [2, 3]) {
      const shards: string[] = [];
      for (let index = 1; index <= count; index++) {
        const file = path(`live-${index}-of-${count}.json`);
        const run = await runLive(arm, [...args, '--shard', `${index}/${count}`, '--output', file]);
        // A hash split can leave a shard with no subscription of this small estate: it says so and reads nothing.
        expect(run.stderr).toMatch(new RegExp(`^(|azscan: warning: --shard ${index}/${count}: none of the \\d+ subscriptions selected falls in this shard; nothing to read\\n)$`));
        expect(read(file).source).toMatchObject({ kind: 'live', shard: { index, count } });
        shards.push(file);
      }
      const merged = path(`live-merged-${count}.json`);
      const merge = runCli(['merge', ...shards, '--output', merged, '--fail-on', 'high']);
      expect(merge.status).toBe(whole.status);
      expect(withoutSource(read(merged))).toEqual(withoutSource(read(path('live-whole.json'))));
    }
  });
});
