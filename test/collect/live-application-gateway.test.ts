/**
 * An application gateway read live: its listeners and routing rules come from the gateway
 * list, and the way in they open is what the same estate as a snapshot shows
 * (`fixtures/exposure/application-gateway.json`: Kibana behind an HTTPS listener).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const ESTATE = join(ROOT, 'fixtures', 'exposure', 'application-gateway.json');

let arm: FakeArm;
beforeAll(async () => {
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(JSON.parse(readFileSync(ESTATE, 'utf8'))), token: TOKEN });
});
afterAll(() => arm.close());
afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
});

describe('an application gateway, live', () => {
  it('lists the ways in through its listeners as the snapshot does, and AZ-NET-001 reports Kibana behind it', async () => {
    const live = await runLive(arm, ['exposure', '--format', 'json']);
    expect(live.stderr).toBe('');
    expect(live.status).toBe(0);
    const report = JSON.parse(live.stdout);
    expect(report.endpoints).toEqual(JSON.parse(runCli(['exposure', '--snapshot', ESTATE, '--format', 'json']).stdout).endpoints);
    expect(report.endpoints.map((endpoint: { workload: { kind: string; name: string } }) => `${endpoint.workload.kind} ${endpoint.workload.name}`)).toEqual([
      'vm vm-kibana',
      'address 10.30.2.20',
      'address api.internal.contoso.com',
    ]);
    expect(arm.requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /subscriptions/22222222-3333-4444-5555-666666666666/providers/Microsoft.Network/applicationGateways');

    const scan = await runLive(arm, ['scan', '--format', 'json', '--rule', 'AZ-NET-001']);
    expect(scan.status).toBe(0);
    const findings = JSON.parse(scan.stdout).findings;
    expect(findings.map((finding: { resourceName: string; severity: string }) => `${finding.resourceName} ${finding.severity}`)).toEqual(['pip-agw critical']);
  });

  it('does not follow a public IP on a gateway it could not read, and exits 3', async () => {
    arm.setFaults([{ match: /\/providers\/Microsoft\.Network\/applicationGateways$/i, kind: '403' }]);
    const live = await runLive(arm, ['exposure', '--format', 'json']);
    expect(live.status).toBe(3);
    const report = JSON.parse(live.stdout);
    expect(report.endpoints).toEqual([]);
    expect(report.unknown).toEqual([expect.objectContaining({ code: 'AuthorizationFailed', reason: expect.stringContaining('Microsoft.Network/applicationGateways') })]);
  });
});
