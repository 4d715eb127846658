import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeArm, type FakeArm, type Fault } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot } from '../fake-arm/tenant.js';
import { demoSnapshot, runLive, startDemoArm, TOKEN } from './live-cli.js';

// Hostile ARM answers: a list page or a redirect that points somewhere else must never get the
// bearer token, and must never be read as the end of the list.

const [S1] = demoSnapshot().subscriptions.map((sub) => sub.subscriptionId) as [string, string];
const NSG_LIST = new RegExp(`^/subscriptions/${S1}/providers/Microsoft\\.Network/networkSecurityGroups$`, 'i');

let arm: FakeArm;
/** Another origin: the same kind of server, reached as `localhost` on its own port. */
let foreign: FakeArm;
let foreignOrigin: string;
beforeAll(async () => {
  arm = await startDemoArm();
  foreign = await startFakeArm({ tenant: fakeTenantFromSnapshot({ subscriptions: [], resources: [] }), token: TOKEN });
  foreignOrigin = foreign.url.replace('127.0.0.1', 'localhost');
});
afterAll(async () => {
  await arm.close();
  await foreign.close();
});
afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
  foreign.resetRequests();
});

async function liveJson(faults: Fault[]) {
  arm.setFaults(faults);
  const run = await runLive(arm, ['scan', '--format', 'json']);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : undefined };
}

describe('a nextLink or a redirect to another origin', () => {
  it('a nextLink to another origin is not followed: no request goes there, the list is not evaluated, exit 3', async () => {
    const { status, report, stderr } = await liveJson([{ match: NSG_LIST, kind: 'foreignNextLink', location: foreignOrigin }]);
    expect(foreign.requests).toEqual([]);
    expect(stderr).not.toContain(TOKEN);
    expect(status).toBe(3);
    expect(report.summary.complete).toBe(false);
    expect(report.notEvaluated).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-NSG-001', code: 'ForeignNextLink', resourceId: `/subscriptions/${S1}` })]),
    );
    // The page read before the foreign link is kept, as after a nextLink loop.
    expect(report.findings.some((finding: { ruleId: string }) => finding.ruleId.startsWith('AZ-NSG'))).toBe(true);
  });

  it('a 302 to another origin is a failed read: nothing reaches the other origin, exit 3', async () => {
    const { status, report } = await liveJson([{ match: NSG_LIST, kind: 'redirect', location: `${foreignOrigin}/steal` }]);
    expect(foreign.requests).toEqual([]);
    expect(status).toBe(3);
    const entry = report.notEvaluated.find((item: { ruleId: string; resourceId: string }) => item.ruleId === 'AZ-NSG-001' && item.resourceId === `/subscriptions/${S1}`);
    expect(entry).toMatchObject({ code: 'HTTP302' });
    expect(entry.reason).toMatch(/redirect/);
  });

  it('a 302 to the same origin is a failed read too, never an empty list', async () => {
    const { status, report } = await liveJson([{ match: NSG_LIST, kind: 'redirect', location: `${arm.url}/subscriptions/${S1}/providers/Microsoft.Network/networkSecurityGroups?api-version=2024-05-01` }]);
    expect(status).toBe(3);
    expect(report.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-NSG-001', code: 'HTTP302' })]));
    // The redirect was not followed.
    expect(arm.requests.filter((request) => NSG_LIST.test(request.path))).toHaveLength(1);
  });

  it('a redirect on a read by ARM path (Event Grid namespaces) is a failed read', async () => {
    const { status, report } = await liveJson([{ match: /\/providers\/Microsoft\.EventGrid\/namespaces$/, kind: 'redirect', location: `${foreignOrigin}/steal` }]);
    expect(foreign.requests).toEqual([]);
    expect(status).toBe(3);
    expect(report.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-EVG-001', code: 'HTTP302' })]));
  });

  it('a nextLink to another origin on a read by ARM path is not followed either', async () => {
    const { status, report } = await liveJson([{ match: /\/providers\/Microsoft\.EventGrid\/namespaces$/, kind: 'foreignNextLink', location: foreignOrigin }]);
    expect(foreign.requests).toEqual([]);
    expect(status).toBe(3);
    expect(report.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-EVG-001', code: 'ForeignNextLink' })]));
  });
});

describe('--timeout', () => {
  it('a read that never answers: at the deadline what is unread is not evaluated as ScanTimeout, and the report is still written', async () => {
    arm.setFaults([{ match: /\/providers\/Microsoft\.KeyVault\/vaults$/, kind: 'slow', delayMs: 600_000 }]);
    const started = Date.now();
    // Long enough for every other read on a busy machine; the Key Vault list never answers.
    const run = await runLive(arm, ['scan', '--format', 'json', '--timeout', '10']);
    // Less than the per-attempt timeout (30 s): the deadline, not the read's own timeout, cut it short (ScanTimeout below says so too).
    expect(Date.now() - started).toBeLessThan(29_000);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.summary.complete).toBe(false);
    expect(report.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-KV-001', code: 'ScanTimeout', resourceType: 'Microsoft.KeyVault/vaults' })]));
    // What was read in time is reported as usual.
    expect(report.findings.some((finding: { ruleId: string }) => finding.ruleId === 'AZ-NSG-002')).toBe(true);
  }, 90_000);
});

describe('two copies of one resource that disagree', () => {
  it('a live list that returns a conflicting second copy: that resource is not evaluated, nothing else changes, exit 3', async () => {
    const storageList = new RegExp(`^/subscriptions/${S1}/providers/Microsoft\\.Storage/storageAccounts$`, 'i');
    const clean = await liveJson([]);
    const { status, report } = await liveJson([{ match: storageList, kind: 'conflictingCopy', properties: { provisioningState: 'Updating', allowBlobPublicAccess: false } }]);
    expect(status).toBe(3);
    const conflicts = report.notEvaluated.filter((entry: { code: string }) => entry.code === 'ConflictingCopies');
    expect(conflicts.length).toBeGreaterThan(0);
    const account = conflicts[0].resourceId as string;
    expect(conflicts.every((entry: { resourceId: string }) => entry.resourceId === account)).toBe(true);
    expect(conflicts[0].reason).toMatch(/disagree on properties\.(provisioningState|allowBlobPublicAccess)/);
    // Neither copy is judged: no finding on the account; every other finding is as before.
    expect(report.findings.some((finding: { resourceId: string }) => finding.resourceId.toLowerCase().startsWith(account.toLowerCase()))).toBe(false);
    const others = (findings: Array<{ fingerprint: string; resourceId: string }>) => findings.filter((finding) => !finding.resourceId.toLowerCase().startsWith(account.toLowerCase())).map((finding) => finding.fingerprint).sort();
    expect(others(report.findings)).toEqual(others(clean.report.findings));
  });
});
