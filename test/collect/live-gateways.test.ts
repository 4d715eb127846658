/**
 * Application gateways and Azure Firewalls read live: the ways in that their listeners and
 * routing rules, or DNAT rules, open are what the same estates as snapshots show
 * (`fixtures/exposure/application-gateway.json`: Kibana behind an HTTPS listener;
 * `fixtures/exposure/firewall-dnat.json`: a policy with a base policy, and a classic firewall).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const SUBSCRIPTION = '/subscriptions/22222222-3333-4444-5555-666666666666';

/** A fake ARM serving one estate for the tests of a describe block. */
function serve(estate: string): () => FakeArm {
  let arm: FakeArm;
  beforeAll(async () => {
    arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(JSON.parse(readFileSync(estate, 'utf8'))), token: TOKEN });
  });
  afterAll(() => arm.close());
  afterEach(() => {
    arm.setFaults([]);
    arm.resetRequests();
  });
  return () => arm;
}

async function liveExposure(arm: FakeArm, estate: string): Promise<{ status: number | null; endpoints: Array<{ workload: { kind: string; name: string } }>; unknown: Array<{ code: string; reason: string }> }> {
  const live = await runLive(arm, ['exposure', '--format', 'json']);
  const report = JSON.parse(live.stdout);
  if (live.status === 0) expect(report.endpoints).toEqual(JSON.parse(runCli(['exposure', '--snapshot', estate, '--format', 'json']).stdout).endpoints);
  return { status: live.status, endpoints: report.endpoints, unknown: report.unknown };
}

async function liveFindings(arm: FakeArm): Promise<string[]> {
  const scan = await runLive(arm, ['scan', '--format', 'json', '--rule', 'AZ-NET-001']);
  expect(scan.status).toBe(0);
  return JSON.parse(scan.stdout).findings.map((finding: { resourceName: string; severity: string }) => `${finding.resourceName} ${finding.severity}`);
}

describe('an application gateway, live', () => {
  const ESTATE = join(ROOT, 'fixtures', 'exposure', 'application-gateway.json');
  const arm = serve(ESTATE);

  it('lists the ways in through its listeners as the snapshot does, and AZ-NET-001 reports Kibana behind it', async () => {
    const { status, endpoints } = await liveExposure(arm(), ESTATE);
    expect(status).toBe(0);
    expect(endpoints.map((endpoint) => `${endpoint.workload.kind} ${endpoint.workload.name}`)).toEqual(['vm vm-kibana', 'address 10.30.2.20', 'address api.internal.contoso.com']);
    expect(arm().requests.map((request) => `${request.method} ${request.path}`)).toContain(`GET ${SUBSCRIPTION}/providers/Microsoft.Network/applicationGateways`);
    expect(await liveFindings(arm())).toEqual(['pip-agw critical']);
  });

  it('does not follow a public IP on a gateway it could not read, and exits 3', async () => {
    arm().setFaults([{ match: /\/providers\/Microsoft\.Network\/applicationGateways$/i, kind: '403' }]);
    const { status, endpoints, unknown } = await liveExposure(arm(), ESTATE);
    expect(status).toBe(3);
    expect(endpoints).toEqual([]);
    expect(unknown).toEqual([expect.objectContaining({ code: 'AuthorizationFailed', reason: expect.stringContaining('Microsoft.Network/applicationGateways') })]);
  });
});

describe('Azure Firewall DNAT, live', () => {
  const ESTATE = join(ROOT, 'fixtures', 'exposure', 'firewall-dnat.json');
  const arm = serve(ESTATE);

  it('reads firewalls, policies and each policy\'s rule collection groups, and lists what their DNAT rules publish', async () => {
    const { status, endpoints } = await liveExposure(arm(), ESTATE);
    expect(status).toBe(0);
    expect(endpoints.map((endpoint) => endpoint.workload.name)).toEqual(['vm-jump', 'app.internal.contoso.com', 'vm-es', 'vm-es', 'vm-jump']);
    const paths = arm().requests.map((request) => `${request.method} ${request.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        `GET ${SUBSCRIPTION}/providers/Microsoft.Network/azureFirewalls`,
        `GET ${SUBSCRIPTION}/providers/Microsoft.Network/firewallPolicies`,
        `GET ${SUBSCRIPTION}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/policy-base/ruleCollectionGroups`,
        `GET ${SUBSCRIPTION}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/policy-app/ruleCollectionGroups`,
      ]),
    );
    expect((await liveFindings(arm())).sort()).toEqual(['pip-fw critical', 'pip-fw-classic high']);
  });

  it('does not follow the policy-managed firewall when a policy\'s rules cannot be read, and exits 3', async () => {
    arm().setFaults([{ match: /\/firewallPolicies\/policy-base\/ruleCollectionGroups$/i, kind: '403' }]);
    const { status, endpoints, unknown } = await liveExposure(arm(), ESTATE);
    expect(status).toBe(3);
    expect(endpoints.map((endpoint) => endpoint.workload.name)).toEqual(['vm-jump']);
    expect(unknown).toEqual([expect.objectContaining({ code: 'AuthorizationFailed', reason: expect.stringContaining('firewall policy policy-base') })]);
  });
});
