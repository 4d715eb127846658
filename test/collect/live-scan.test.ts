import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeArm, Fault } from '../fake-arm/server.js';
import { DEMO, runCli } from '../cli/run-cli.js';
import { demoSnapshot, DISABLED_SUBSCRIPTION, runLive, runLiveInTerminal, startDemoArm, SUPPORT, TOKEN } from './live-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-live-'));
const [S1, S2] = demoSnapshot().subscriptions.map((sub) => sub.subscriptionId) as [string, string];
const offline = () => JSON.parse(runCli(['scan', '--snapshot', DEMO, '--format', 'json']).stdout);

let arm: FakeArm;
beforeAll(async () => {
  arm = await startDemoArm();
});
afterAll(() => arm.close());
afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
});

async function liveJson(args: string[] = [], faults: Fault[] = []) {
  arm.setFaults(faults);
  const run = await runLive(arm, ['scan', '--format', 'json', ...args]);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : undefined };
}

function byFingerprint(findings: Array<{ fingerprint: string }>): Array<{ fingerprint: string }> {
  return [...findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

function notEvaluatedRules(report: { notEvaluated: Array<{ ruleId?: string }> }): string[] {
  return [...new Set(report.notEvaluated.map((entry) => entry.ruleId ?? ''))].sort();
}

describe('a live scan through the ARM SDKs', () => {
  it('reports what a scan of the same tenant as a snapshot reports, and skips the Disabled subscription', async () => {
    const { status, stderr, report } = await liveJson();
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const expected = offline();
    expect(report.source.kind).toBe('live');
    // The demo file is in the order it was written; a live collection comes out sorted by id.
    expect(byFingerprint(report.findings)).toEqual(byFingerprint(expected.findings));
    expect(report.notEvaluated).toEqual(expected.notEvaluated);
    expect(report.summary).toEqual(expected.summary);
    expect(report.skippedSubscriptions).toEqual([
      { subscriptionId: DISABLED_SUBSCRIPTION.subscriptionId, displayName: 'contoso-retired', state: 'Disabled' },
    ]);
    expect(arm.requests.some((request) => request.path.toLowerCase().includes(DISABLED_SUBSCRIPTION.subscriptionId))).toBe(false);
  });

  it('makes only authorised GET requests, and never asks for keys', async () => {
    await liveJson();
    expect(arm.requests.length).toBeGreaterThan(20);
    for (const request of arm.requests) {
      expect(request.method).toBe('GET');
      expect(request.authorization).toBe('valid');
      expect(request.path).not.toMatch(/listkeys|\/list[A-Z]|regeneratekey/i);
    }
  });

  it('reads only what the selected rules need', async () => {
    const { report } = await liveJson(['--rule', 'AZ-SQL-001']);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['AZ-SQL-001']);
    const paths = arm.requests.map((request) => request.path);
    expect(paths.filter((path) => path !== '/subscriptions' && !/\/providers\/Microsoft\.Sql\//i.test(path))).toEqual([]);
    expect(paths.some((path) => /transparentDataEncryption\/current$/i.test(path))).toBe(true);
    expect(paths.some((path) => /firewallRules|auditingSettings/i.test(path))).toBe(false);
  });

  it('scans only the subscriptions asked for, and reports one it cannot see as not evaluated', async () => {
    const narrowed = await liveJson(['--subscription', S2]);
    expect(narrowed.status).toBe(0);
    expect(arm.requests.filter((request) => request.subscriptionId?.toLowerCase() === S1.toLowerCase())).toEqual([]);
    const missing = '00000000-0000-0000-0000-00000000dead';
    const unknown = await liveJson(['--subscription', S2, '--subscription', missing]);
    expect(unknown.status).toBe(3);
    expect(unknown.report.notEvaluated).toContainEqual(expect.objectContaining({ resourceId: `/subscriptions/${missing}`, code: 'SubscriptionNotFound' }));
  });

  it('never prints or writes the token', async () => {
    const snapshot = join(dir, 'token-check.json');
    const runs = [await runLive(arm, ['scan', '--verbose']), await runLive(arm, ['collect', '--output', snapshot])];
    for (const run of runs) expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(readFileSync(snapshot, 'utf8')).not.toContain(TOKEN);
  });
});

describe('azscan exposure, live', () => {
  it('reads the network through the SDKs and lists what the snapshot lists, with GET requests only', async () => {
    const live = await runLive(arm, ['exposure', '--format', 'json']);
    expect(live.stderr).toBe('');
    expect(live.status).toBe(0);
    const offlineList = JSON.parse(runCli(['exposure', '--snapshot', DEMO, '--format', 'json']).stdout);
    const report = JSON.parse(live.stdout);
    expect(report.source.kind).toBe('live');
    expect(report.endpoints).toEqual(offlineList.endpoints);
    expect(report.endpoints.map((endpoint: { address: string }) => endpoint.address)).toContain('20.54.120.10');
    // The platform endpoints too, read live as the snapshot has them, and nothing unknown.
    expect(report.platformEndpoints).toEqual(offlineList.platformEndpoints);
    expect(report.platformEndpoints.length).toBeGreaterThan(0);
    expect(report.unknown).toEqual([]);
    expect(arm.requests.every((request) => request.method === 'GET')).toBe(true);
    // The network and the platform services' network settings: no monitoring reads, and of SQL only what decides reachability and auth.
    expect(arm.requests.some((request) => /Microsoft\.Insights\/|\/databases|\/auditingSettings|\/securityAlertPolicies/i.test(request.path))).toBe(false);
    expect(arm.requests.some((request) => /Microsoft\.Sql\/servers\/[^/]+\/firewallRules/i.test(request.path))).toBe(true);
    expect(arm.requests.some((request) => /Microsoft\.EventHub\/namespaces\/[^/]+\/networkRuleSets/i.test(request.path))).toBe(true);
    expect(arm.requests.some((request) => /Microsoft\.ContainerInstance\/containerGroups/i.test(request.path))).toBe(true);
  });

  it('exits 3 and says which public IPs it could not follow when interfaces cannot be read', async () => {
    arm.setFaults([{ match: /\/providers\/Microsoft\.Network\/networkInterfaces$/, kind: '403' }]);
    const live = await runLive(arm, ['exposure', '--format', 'json']);
    expect(live.status).toBe(3);
    const report = JSON.parse(live.stdout);
    expect(report.unknown.map((entry: { code: string }) => entry.code)).toContain('AuthorizationFailed');
    expect(report.endpoints.map((endpoint: { workload: { name: string } }) => endpoint.workload.name)).toEqual(['aci-kibana-debug']);
  });

  it('lists the subscription as unknown, exit 3, when a platform type cannot be read, and keeps every other endpoint', async () => {
    const offline = JSON.parse(runCli(['exposure', '--snapshot', DEMO, '--format', 'json']).stdout);
    arm.setFaults([{ match: /\/providers\/Microsoft\.KeyVault\/vaults$/, kind: '403' }]);
    const live = await runLive(arm, ['exposure', '--format', 'json']);
    expect(live.status).toBe(3);
    const report = JSON.parse(live.stdout);
    // One entry per subscription whose vault list failed, nothing else.
    expect(report.unknown.length).toBeGreaterThan(0);
    for (const entry of report.unknown) expect(entry).toEqual({ id: expect.stringMatching(/^\/subscriptions\/[^/]+$/), code: 'AuthorizationFailed', reason: expect.stringContaining('Microsoft.KeyVault/vaults') });
    expect(report.endpoints).toEqual(offline.endpoints);
    expect(report.platformEndpoints).toEqual(offline.platformEndpoints.filter((endpoint: { resourceType: string }) => endpoint.resourceType !== 'Microsoft.KeyVault/vaults'));
  });
});

describe('collect, then scan the snapshot', () => {
  it('writes a snapshot whose scan reports exactly what the live scan reported', async () => {
    const path = join(dir, 'collected.json');
    const collect = await runLive(arm, ['collect', '--output', path]);
    expect(collect.status).toBe(0);
    expect(collect.stdout).toBe('');
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    expect(snapshot).toMatchObject({ schemaVersion: 1, errors: [] });
    expect(snapshot.collected).toEqual(
      expect.arrayContaining([
        'Microsoft.Insights/diagnosticSettings@Microsoft.Devices/IotHubs',
        'Microsoft.Insights/diagnosticSettings@Microsoft.Storage/storageAccounts/blobServices',
        'Microsoft.Sql/servers/databases/transparentDataEncryption',
        'Microsoft.Network/networkSecurityGroups',
      ]),
    );
    const { report: live } = await liveJson();
    const later = JSON.parse(runCli(['scan', '--snapshot', path, '--format', 'json']).stdout);
    expect({ ...later, source: undefined }).toEqual({ ...live, source: undefined });
  });

  it('keeps failed reads in the snapshot, so the offline scan reports them the same way', async () => {
    const path = join(dir, 'collected-with-errors.json');
    const faults: Fault[] = [{ match: /\/providers\/Microsoft\.Sql\/servers$/, kind: '403' }];
    arm.setFaults(faults);
    const collect = await runLive(arm, ['collect', '--output', path]);
    expect(collect.status).toBe(3);
    const { report: live } = await liveJson([], faults);
    const scanned = runCli(['scan', '--snapshot', path, '--format', 'json']);
    expect(scanned.status).toBe(3);
    expect({ ...JSON.parse(scanned.stdout), source: undefined }).toEqual({ ...live, source: undefined });
  });
});

describe('faults: nothing silently lost', () => {
  it('403 on a subscription: its rules are not evaluated, the rest is, exit 3 (0 with --allow-partial, 1 with --fail-on)', async () => {
    const faults: Fault[] = [{ match: `/subscriptions/${S2}/`, kind: '403' }];
    const { status, report } = await liveJson([], faults);
    expect(status).toBe(3);
    expect(report.summary.complete).toBe(false);
    const expected = offline();
    // Every finding of the other subscription is still there; none of this one's.
    expect(byFingerprint(report.findings)).toEqual(byFingerprint(expected.findings.filter((f: { subscriptionId: string }) => f.subscriptionId !== S2)));
    const scopes = new Set(report.notEvaluated.map((entry: { resourceId: string }) => entry.resourceId.toLowerCase()));
    expect(scopes).toEqual(new Set([`/subscriptions/${S2}`.toLowerCase()]));
    expect(report.notEvaluated.every((entry: { code: string }) => entry.code === 'AuthorizationFailed')).toBe(true);
    // Every rule had something to look at in the subscription it could not read.
    expect(notEvaluatedRules(report)).toEqual(expected.rules.map((rule: { id: string }) => rule.id).sort());
    expect((await liveJson(['--allow-partial'], faults)).status).toBe(0);
    expect((await liveJson(['--fail-on', 'critical'], faults)).status).toBe(1);
  });

  it('403 on one resource type: only the rules that read it are not evaluated', async () => {
    const { status, report } = await liveJson([], [{ match: /\/providers\/Microsoft\.Sql\/servers$/, kind: '403' }]);
    expect(status).toBe(3);
    expect(notEvaluatedRules(report)).toEqual(['AZ-MON-001', ...Array.from({ length: 11 }, (_, i) => `AZ-SQL-${String(i + 1).padStart(3, '0')}`)]);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId.startsWith('AZ-SQL'))).toBe(false);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'AZ-NSG-002')).toBe(true);
  });

  it('404 on a child: that resource is not evaluated for that rule, with ARM\'s code', async () => {
    const { status, report } = await liveJson([], [{ match: /\/databases\/analytics-staging\/transparentDataEncryption\/current$/, kind: '404' }]);
    expect(status).toBe(3);
    expect(report.notEvaluated).toEqual([
      expect.objectContaining({ ruleId: 'AZ-SQL-001', code: 'ResourceNotFound', resourceId: expect.stringMatching(/\/databases\/analytics-staging$/) }),
    ]);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'AZ-SQL-001')).toBe(false);
  });

  it('429 with Retry-After: waits and retries, and the scan is complete', async () => {
    const started = Date.now();
    const { status, report } = await liveJson([], [{ match: new RegExp(`^/subscriptions/${S1}/providers/Microsoft\\.Network/networkSecurityGroups$`, 'i'), kind: '429', times: 2, retryAfterSeconds: 1 }]);
    expect(status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(report.findings.length).toBe(offline().findings.length);
    expect(arm.requests.filter((request) => request.status === 429)).toHaveLength(2);
  });

  it('500, 503 and a reset connection: retried with backoff, and the scan is complete', async () => {
    const { status, report } = await liveJson([], [
      { match: /\/providers\/Microsoft\.Storage\/storageAccounts$/, kind: '500', times: 2 },
      { match: /\/providers\/Microsoft\.KeyVault\/vaults$/, kind: '503', times: 1 },
      { match: /\/providers\/Microsoft\.Devices\/IotHubs$/, kind: 'reset', times: 1 },
    ]);
    expect(status).toBe(0);
    expect(report.summary.complete).toBe(true);
    expect(report.findings.length).toBe(offline().findings.length);
  });

  it('a malformed body: the read is reported as failed, the scan goes on', async () => {
    const { status, report } = await liveJson([], [{ match: /\/providers\/Microsoft\.KeyVault\/vaults$/, kind: 'malformed' }]);
    expect(status).toBe(3);
    expect(report.notEvaluated).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-MON-001', code: 'MalformedResponse', resourceType: 'Microsoft.KeyVault/vaults' })]),
    );
    expect(notEvaluatedRules(report)).toEqual(['AZ-KV-001', 'AZ-KV-002', 'AZ-KV-003', 'AZ-KV-004', 'AZ-KV-005', 'AZ-KV-006', 'AZ-KV-007', 'AZ-MON-001', 'AZ-MON-012']);
    // Everything but the vaults is evaluated as before.
    const notVaults = (findings: Array<{ fingerprint: string; resourceType: string }>) => byFingerprint(findings.filter((f) => f.resourceType !== 'Microsoft.KeyVault/vaults'));
    expect(notVaults(report.findings)).toEqual(notVaults(offline().findings));
    expect(report.findings.some((f: { resourceType: string }) => f.resourceType === 'Microsoft.KeyVault/vaults')).toBe(false);
  });

  it('a nextLink that repeats: paging stops, what was read is kept, the list is reported as failed', async () => {
    const { status, report } = await liveJson([], [{ match: new RegExp(`^/subscriptions/${S1}/providers/Microsoft\\.Network/networkSecurityGroups$`, 'i'), kind: 'nextLinkLoop' }]);
    expect(status).toBe(3);
    expect(report.notEvaluated).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-NSG-001', code: 'NextLinkLoop', resourceId: `/subscriptions/${S1}` })]),
    );
    // The first page's NSGs (three of the four) were still evaluated.
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId.startsWith('AZ-NSG'))).toBe(true);
    expect(arm.requests.length).toBeLessThan(200);
  });

  it('a retry budget spent: the read fails for good and is reported', async () => {
    const { status, report } = await liveJson(['--retry-budget', '2'], [{ match: /\/providers\/Microsoft\.Devices\/IotHubs$/, kind: '500' }]);
    expect(status).toBe(3);
    expect(report.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-IOT-001', code: 'InternalServerError' })]));
    expect(report.notEvaluated.find((entry: { ruleId: string }) => entry.ruleId === 'AZ-IOT-001').reason).toMatch(/still failing after retries/);
  });
});

describe('authentication', () => {
  it('a token ARM rejects is one line and exit 2', async () => {
    const run = await runLive(arm, ['scan'], { AZURE_ACCESS_TOKEN: 'not-the-token' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^azscan: ARM rejected the token from AZURE_ACCESS_TOKEN \(InvalidAuthenticationToken: [^\n]*az login[^\n]*\n$/);
  });

  it('no credential at all is one line naming what was tried and what to do, and exit 2', async () => {
    const home = mkdtempSync(join(tmpdir(), 'azscan-home-'));
    const run = await runLive(arm, ['scan'], {
      AZURE_ACCESS_TOKEN: '',
      // Developer credentials only: the managed-identity probe would leave the loopback.
      AZURE_TOKEN_CREDENTIALS: 'dev',
      PATH: '/nonexistent',
      HOME: home,
      AZURE_CONFIG_DIR: join(home, '.azure'),
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^azscan: authentication failed: DefaultAzureCredential tried [^\n]*Azure CLI[^\n]*Run 'az login'[^\n]*AZURE_ACCESS_TOKEN\.\n$/);
    expect(arm.requests).toEqual([]);
  });
});

describe('start-up and progress', () => {
  it('loads no Azure SDK for --help, rules and snapshot scans, and only the SDKs a live scan needs', async () => {
    const trace = (name: string) => join(dir, `${name}.imports`);
    const nodeArgs = ['--import', join(SUPPORT, 'trace-azure-imports.mjs')];
    for (const [name, args] of [
      ['help', ['--help']],
      ['rules', ['rules']],
      ['snapshot', ['scan', '--snapshot', DEMO]],
    ] as const) {
      await runLive(arm, args.slice(), { AZSCAN_TRACE_IMPORTS: trace(name) }, nodeArgs);
      expect(existsSync(trace(name)) ? readFileSync(trace(name), 'utf8') : '', name).toBe('');
    }
    await runLive(arm, ['scan', '--rule', 'AZ-SQL-001'], { AZSCAN_TRACE_IMPORTS: trace('live') }, nodeArgs);
    const loaded = new Set(readFileSync(trace('live'), 'utf8').trim().split('\n'));
    expect(loaded).toContain('@azure/arm-sql');
    expect(loaded).toContain('@azure/arm-resources-subscriptions');
    for (const unused of ['@azure/arm-network', '@azure/arm-storage', '@azure/arm-monitor', '@azure/identity']) expect(loaded).not.toContain(unused);
  });

  it('shows progress on a terminal, and nothing with --quiet or off a terminal', async () => {
    arm.setFaults([{ match: /\/providers\/Microsoft\.Sql\/servers$/, kind: 'slow', delayMs: 1200 }]);
    const shown = await runLiveInTerminal(arm, ['scan', '--rule', 'AZ-SQL-004']);
    expect(shown.output).toMatch(/azscan: subscriptions \d+\/2 · resource types \d+\/\d+ · requests \d+ · throttled 0/);
    const quiet = await runLiveInTerminal(arm, ['scan', '--rule', 'AZ-SQL-004', '--quiet']);
    expect(quiet.output).not.toMatch(/resource types/);
    const piped = await runLive(arm, ['scan', '--rule', 'AZ-SQL-004']);
    expect(piped.stderr).toBe('');
  });
});
