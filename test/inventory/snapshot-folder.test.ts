import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotFolderWriter } from '../../src/collect/snapshot-folder-writer.js';
import { loadSnapshot } from '../../src/inventory/snapshot-dir.js';

const root = mkdtempSync(join(tmpdir(), 'azscan-folder-'));
let folders = 0;
const S1 = '11111111-1111-1111-1111-111111111111';
const S2 = '22222222-2222-2222-2222-222222222222';
const nsg = (sub: string, name: string) => ({ id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/${name}`, type: 'Microsoft.Network/networkSecurityGroups', properties: { securityRules: [] } });
const COLLECTED = ['Microsoft.Network/networkSecurityGroups'];

/** A snapshot folder as `collect --output DIR` writes it, without the network: S1 and S2 read, S3 Disabled. */
function folder(): string {
  const path = join(root, `f${folders++}`);
  const writer = new SnapshotFolderWriter(path, false);
  const subscriptions = [{ subscriptionId: S1, state: 'Enabled' }, { subscriptionId: S2, state: 'Enabled' }, { subscriptionId: 'S3', state: 'Disabled' }];
  writer.begin({ tenantId: 't1', subscriptions, collected: COLLECTED, errors: [] });
  writer.subscriptionRead(subscriptions[1]!, [nsg(S2, 'b')], [{ scope: `/subscriptions/${S2}`, resourceType: 'Microsoft.Network/networkSecurityGroups', code: 'HTTP500', message: 'x' }]);
  writer.subscriptionRead(subscriptions[0]!, [nsg(S1, 'a'), nsg(S1, 'c')], []);
  expect(writer.finish('2026-12-01T00:00:00.000Z', [])).toBe(1);
  return path;
}

function edit(path: string, change: (json: any) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
}

describe('a snapshot folder read as one inventory', () => {
  it('holds every part\'s resources and failed reads, and the manifest\'s subscriptions', () => {
    const inventory = loadSnapshot(folder());
    expect(inventory.ofType('Microsoft.Network/networkSecurityGroups').map((r) => r.name).sort()).toEqual(['a', 'b', 'c']);
    expect(inventory.errors.map((e) => e.code)).toEqual(['HTTP500']);
    expect(inventory.subscriptions.map((s) => s.subscriptionId)).toEqual([S1, S2, 'S3']);
    expect(inventory.source).toMatchObject({ kind: 'snapshot', tenantId: 't1', collectedAt: '2026-12-01T00:00:00.000Z' });
    expect(inventory.malformed).toEqual([]);
  });

  it('leaves a subscription whose part the manifest calls incomplete not evaluated, with a failed read over all of it', () => {
    const path = folder();
    edit(join(path, 'azscan-snapshot.json'), (manifest) => (manifest.subscriptions[0].part.state = 'incomplete'));
    const inventory = loadSnapshot(path);
    expect(inventory.ofType('Microsoft.Network/networkSecurityGroups').map((r) => r.name)).toEqual(['b']);
    expect(inventory.unavailable(`/subscriptions/${S1}`, 'Microsoft.Network/networkSecurityGroups')).toMatchObject({ code: 'SnapshotPartIncomplete' });
  });

  it.each([
    ['another tenant\'s part', (path: string) => edit(join(path, `${S1}.json`), (part) => (part.tenantId = 't2')), /11111111-1111-1111-1111-111111111111\.json: is tenant t2's, but the manifest is tenant t1's$/],
    ['a part collected for other reads', (path: string) => edit(join(path, `${S2}.json`), (part) => (part.collected = [])), /22222222-2222-2222-2222-222222222222\.json: was collected for other rules than the manifest says/],
    ['a part outside the folder', (path: string) => edit(join(path, 'azscan-snapshot.json'), (manifest) => (manifest.subscriptions[0].part.file = '../x.json')), /subscriptions\[0\]\.part\.file: expected a file name in the folder/],
    ['one part listed twice', (path: string) => edit(join(path, 'azscan-snapshot.json'), (manifest) => (manifest.subscriptions[1].part.file = `${S1}.json`)), /the part 11111111-1111-1111-1111-111111111111\.json is listed for two subscriptions/],
  ])('refuses %s in one line', (_, damage, message) => {
    const path = folder();
    damage(path);
    expect(() => loadSnapshot(path)).toThrow(message);
  });

  it('refuses the manifest given as a snapshot, naming the folder to give', () => {
    const path = folder();
    expect(() => loadSnapshot(join(path, 'azscan-snapshot.json'))).toThrow(`is the manifest of a snapshot folder, not a snapshot; give the folder (--snapshot ${path})`);
  });
});
