/**
 * Scale set instances read live: their network interfaces and public IPs are listed per scale
 * set (the subscription-wide lists leave them out), from a fake ARM serving
 * `fixtures/exposure/scale-set-behind-load-balancer.json` with ARM's own quirk that an
 * instance's public IP may come without a `type`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const ESTATE = join(ROOT, 'fixtures', 'exposure', 'scale-set-behind-load-balancer.json');
const dir = mkdtempSync(join(tmpdir(), 'azscan-scale-sets-'));
const NETWORK_RULES = ['--rule', 'AZ-NET-001', '--rule', 'AZ-NSG-001'];

let arm: FakeArm;
beforeAll(async () => {
  const snapshot = JSON.parse(readFileSync(ESTATE, 'utf8'));
  for (const resource of snapshot.resources) if (resource.name === 'pip-web') delete resource.type;
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(snapshot), token: TOKEN, pageSize: 1 });
});
afterAll(() => arm.close());
afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
});

describe('scale set instances, live', () => {
  it('lists the instances behind the load balancer and on their own public IP, as the snapshot does', async () => {
    const live = await runLive(arm, ['exposure', '--format', 'json']);
    expect(live.stderr).toBe('');
    expect(live.status).toBe(0);
    const report = JSON.parse(live.stdout);
    expect(report.endpoints).toEqual(JSON.parse(runCli(['exposure', '--snapshot', ESTATE, '--format', 'json']).stdout).endpoints);
    expect(report.endpoints.map((endpoint: { address: string; workload: { name: string } }) => `${endpoint.address} ${endpoint.workload.name}`)).toContain('20.1.2.10 vmss-web_0');
    const paths = arm.requests.map((request) => `${request.method} ${request.path.toLowerCase()}`);
    for (const scaleSet of ['vmss-web', 'vmss-idle']) {
      expect(paths).toContain(`GET /subscriptions/22222222-3333-4444-5555-666666666666/resourcegroups/rg-web/providers/microsoft.compute/virtualmachinescalesets/${scaleSet}/networkinterfaces`);
      expect(paths).toContain(`GET /subscriptions/22222222-3333-4444-5555-666666666666/resourcegroups/rg-web/providers/microsoft.compute/virtualmachinescalesets/${scaleSet}/publicipaddresses`);
    }
    // A Flexible scale set's instances are in the subscription-wide lists; ARM would answer 404.
    expect(paths.filter((path) => path.includes('/vmss-flex/'))).toEqual([]);
    expect(arm.requests.every((request) => request.method === 'GET' && request.status === 200)).toBe(true);
  });

  it('collects the instances\' interfaces and public IPs with their type, and the snapshot scans as the live estate does', async () => {
    const path = join(dir, 'collected.json');
    expect((await runLive(arm, ['collect', '--output', path, ...NETWORK_RULES])).status).toBe(0);
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.collected).toEqual(
      expect.arrayContaining(['Microsoft.Compute/virtualMachineScaleSets', 'Microsoft.Network/networkInterfaces@Microsoft.Compute/virtualMachineScaleSets', 'Microsoft.Network/publicIPAddresses@Microsoft.Compute/virtualMachineScaleSets']),
    );
    expect(snapshot.resources.find((resource: { name: string }) => resource.name === 'pip-web')).toMatchObject({ type: 'Microsoft.Network/publicIPAddresses' });
    const fromCollected = JSON.parse(runCli(['scan', '--snapshot', path, '--format', 'json', ...NETWORK_RULES]).stdout);
    const fromFixture = JSON.parse(runCli(['scan', '--snapshot', ESTATE, '--format', 'json', ...NETWORK_RULES]).stdout);
    const comparable = (report: { findings: Array<{ fingerprint: string; severity: string; message: string }> }) =>
      report.findings.map(({ fingerprint, severity, message }) => ({ fingerprint, severity, message })).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
    expect(comparable(fromCollected)).toEqual(comparable(fromFixture));
    expect(fromCollected.findings.map((finding: { ruleId: string; severity: string }) => `${finding.ruleId} ${finding.severity}`).sort()).toEqual([
      'AZ-NET-001 critical',
      'AZ-NET-001 critical',
      'AZ-NSG-001 high',
      'AZ-NSG-001 medium',
    ]);
  });

  it('reports the ways in through a scale set it could not read as unknown, naming the scale set, and exits 3', async () => {
    arm.setFaults([{ match: /\/virtualMachineScaleSets\/vmss-web\/networkInterfaces$/i, kind: '403' }]);
    const live = await runLive(arm, ['exposure', '--format', 'json']);
    expect(live.status).toBe(3);
    const report = JSON.parse(live.stdout);
    expect(report.endpoints.map((endpoint: { workload: { name: string } }) => endpoint.workload.name)).toEqual(['vmss-flex_1a2b3c4d']);
    expect(report.unknown).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'AuthorizationFailed', reason: expect.stringContaining('scale set vmss-web') })]),
    );
    const scan = await runLive(arm, ['scan', '--format', 'json', '--rule', 'AZ-NET-001']);
    expect(scan.status).toBe(3);
    const scanned = JSON.parse(scan.stdout);
    expect(scanned.summary.complete).toBe(false);
    expect(scanned.findings).toEqual([]);
    expect(scanned.notEvaluated.map((entry: { code: string }) => entry.code)).toEqual(['AuthorizationFailed', 'AuthorizationFailed']);
  });
});
