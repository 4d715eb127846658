import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeArm } from '../fake-arm/server.js';
import { runCli } from '../cli/run-cli.js';
import { idKey } from '../../src/inventory/arm-id.js';
import { demoSnapshot, DISABLED_SUBSCRIPTION, runLive, startDemoArm } from './live-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-parts-'));
const [S1, S2] = demoSnapshot().subscriptions.map((sub) => sub.subscriptionId) as [string, string];
const LIVE = 120_000;

let arm: FakeArm;
beforeAll(async () => {
  arm = await startDemoArm();
});
afterAll(() => arm.close());
afterEach(() => arm.resetRequests());

/** A report without what differs between two scans of the same estate: when, and from which path. */
function comparable(stdout: string): unknown {
  const report = JSON.parse(stdout);
  delete report.generatedAt;
  delete report.source;
  delete report.durationMs;
  return report;
}

function scanJson(snapshot: string, extra: string[] = []) {
  return runCli(['scan', '--snapshot', snapshot, '--format', 'json', ...extra]);
}

/** The resource reads of a subscription (the subscription list itself is read on every run). */
function readsOf(subscriptionId: string): string[] {
  return arm.requests.filter((request) => request.subscriptionId?.toLowerCase() === subscriptionId.toLowerCase()).map((request) => request.path);
}

describe('collect --output FILE writes each subscription as it finishes', () => {
  it('gives the text the whole-estate writer gave (JSON.stringify of the document, resources sorted by id), which scans as the live estate does', async () => {
    const file = join(dir, 'estate.json');
    const run = await runLive(arm, ['collect', '--output', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const snapshot = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(snapshot, null, 2)}\n`);
    expect(Object.keys(snapshot)).toEqual(['schemaVersion', 'tenantId', 'collectedAt', 'inventory', 'subscriptions', 'collected', 'resources', 'errors']);
    const keys = snapshot.resources.map((resource: { id: string }) => idKey(resource.id));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(keys.map((key: string) => key.split('/')[2]))).toEqual(new Set([S1.toLowerCase(), S2.toLowerCase()]));
    // The content: every resource of the demo tenant of a type the plan reads (a named read such as
    // `…/sites/config/authsettingsV2` reads resources of type `…/sites/config`), once.
    const planned: string[] = JSON.parse(runCli(['collect', '--plan', '--format', 'json']).stdout).reads.map((read: { resourceType: string }) => read.resourceType.toLowerCase());
    const read = (type: string) => planned.some((entry) => entry === type.toLowerCase() || entry.startsWith(`${type.toLowerCase()}/`));
    const byKey = (resources: Array<{ id: string; type: string }>) => resources.filter((resource) => read(resource.type)).sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : idKey(a.id) > idKey(b.id) ? 1 : 0));
    expect(snapshot.resources).toEqual(byKey(demoSnapshot().resources as Array<{ id: string; type: string }>));
    // Nothing is left beside it.
    expect(readdirSync(dir)).toEqual(['estate.json']);
    const live = await runLive(arm, ['scan', '--format', 'json']);
    expect(comparable(scanJson(file).stdout)).toEqual(comparable(live.stdout));
  }, LIVE);
});

describe('collect --output DIR: a part per subscription, a manifest, and --resume', () => {
  it('writes one snapshot per subscription and a manifest, and a scan of the folder is the scan of the file', async () => {
    const folder = join(dir, 'parts/');
    const run = await runLive(arm, ['collect', '--output', folder]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([`${S1}.json`, `${S2}.json`, 'azscan-snapshot.json'].sort());
    const manifest = JSON.parse(readFileSync(join(folder, 'azscan-snapshot.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'azscan-snapshot-parts', schemaVersion: 1, tenantId: DISABLED_SUBSCRIPTION.tenantId });
    expect(manifest.subscriptions.map((sub: { subscriptionId: string; part?: { file: string; state: string } }) => [sub.subscriptionId, sub.part?.file, sub.part?.state])).toEqual(
      expect.arrayContaining([
        [S1, `${S1}.json`, 'complete'],
        [S2, `${S2}.json`, 'complete'],
        [DISABLED_SUBSCRIPTION.subscriptionId, undefined, undefined],
      ]),
    );
    // Each part is a snapshot on its own.
    const part = JSON.parse(readFileSync(join(folder, `${S1}.json`), 'utf8'));
    expect(part.subscriptions).toEqual([expect.objectContaining({ subscriptionId: S1 })]);
    expect(part.collected).toEqual(manifest.collected);
    expect(scanJson(join(folder, `${S1}.json`)).status).toBe(0);

    const file = join(dir, 'estate.json');
    await runLive(arm, ['collect', '--output', file]);
    const ofFolder = scanJson(folder);
    const ofFile = scanJson(file);
    expect(ofFolder.stderr).toBe('');
    expect(ofFolder.status).toBe(ofFile.status);
    expect(comparable(ofFolder.stdout)).toEqual(comparable(ofFile.stdout));
    const exposure = (snapshot: string) => runCli(['exposure', '--snapshot', snapshot, '--format', 'json']);
    expect(JSON.parse(exposure(folder).stdout).endpoints).toEqual(JSON.parse(exposure(file).stdout).endpoints);
  }, LIVE);

  it('--resume reads again only the subscription whose part is missing, or that the manifest says is incomplete', async () => {
    const folder = join(dir, 'resume');
    await runLive(arm, ['collect', '--output', `${folder}/`]);
    const before = scanJson(folder).stdout;

    rmSync(join(folder, `${S1}.json`));
    arm.resetRequests();
    const resumed = await runLive(arm, ['collect', '--output', folder, '--resume']);
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    expect(readsOf(S1).length).toBeGreaterThan(0);
    expect(readsOf(S2)).toEqual([]);
    expect(comparable(scanJson(folder).stdout)).toEqual(comparable(before));

    // Killed after its part was renamed but before the manifest said so: the part is read again.
    const manifestPath = join(folder, 'azscan-snapshot.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.subscriptions.find((sub: { subscriptionId: string }) => sub.subscriptionId === S2).part.state = 'incomplete';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    arm.resetRequests();
    expect((await runLive(arm, ['collect', '--output', folder, '--resume'])).status).toBe(0);
    expect(readsOf(S2).length).toBeGreaterThan(0);
    expect(readsOf(S1)).toEqual([]);

    // Nothing left to read: only the subscription list is asked for.
    arm.resetRequests();
    expect((await runLive(arm, ['collect', '--output', folder, '--resume'])).status).toBe(0);
    expect(arm.requests.map((request) => request.path)).toEqual(['/subscriptions']);
    expect(readdirSync(folder).filter((name) => name.includes('.tmp'))).toEqual([]);
  }, LIVE);

  it('--resume refuses a folder collected for other rules, and a FILE', async () => {
    const folder = join(dir, 'one-rule/');
    await runLive(arm, ['collect', '--output', folder, '--rule', 'AZ-SQL-001']);
    arm.resetRequests();
    const other = await runLive(arm, ['collect', '--output', folder, '--resume', '--rule', 'AZ-STG-001']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/^azscan: --resume: the parts in .*one-rule were collected for another rule selection .*\n$/);
    expect(readsOf(S1)).toEqual([]);
    const toFile = await runLive(arm, ['collect', '--output', join(dir, 'x.json'), '--resume']);
    expect(toFile.status).toBe(2);
    expect(toFile.stderr).toMatch(/--resume: needs --output DIR/);
  }, LIVE);
});

describe('scan --snapshot DIR never skips a subscription silently', () => {
  it('a part missing or incomplete leaves its subscription not evaluated (exit 3); a part that contradicts the manifest is refused (exit 2)', async () => {
    const folder = join(dir, 'damaged/');
    await runLive(arm, ['collect', '--output', folder]);
    rmSync(join(folder, `${S1}.json`));
    const missing = scanJson(folder);
    expect(missing.status).toBe(3);
    const report = JSON.parse(missing.stdout);
    expect(report.summary.complete).toBe(false);
    expect(report.collectionErrors).toContainEqual(expect.objectContaining({ scope: `/subscriptions/${S1}`, code: 'SnapshotPartMissing' }));
    expect(report.notEvaluated.some((entry: { code: string }) => entry.code === 'SnapshotPartMissing')).toBe(true);
    expect(scanJson(folder, ['--allow-partial']).status).toBe(0);

    // S2's part, relabelled as another subscription's.
    const partPath = join(folder, `${S2}.json`);
    const part = JSON.parse(readFileSync(partPath, 'utf8'));
    part.subscriptions = [{ subscriptionId: S1 }];
    writeFileSync(partPath, JSON.stringify(part));
    const contradicting = scanJson(folder);
    expect(contradicting.status).toBe(2);
    expect(contradicting.stderr).toMatch(new RegExp(`^azscan: .*${S2}\\.json: holds subscription ${S1}, but the manifest lists it for ${S2}\\n$`));
    expect(existsSync(join(folder, 'azscan-snapshot.json'))).toBe(true);
  }, LIVE);
});
