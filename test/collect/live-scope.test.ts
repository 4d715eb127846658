import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashShardOf } from '../../src/inventory/shard.js';
import { startFakeArm, type FakeArm, type Fault } from '../fake-arm/server.js';
import { runLive, TOKEN } from './live-cli.js';
import { ARCHIVER, HUB, HUB_NSG_ID, HUB_VNET_ID, INVISIBLE, LOGS, ROOT_ONLY, scopeTenant, SPOKE, STORAGE_ACCOUNT_ID, UNGROUPED } from './live-scope-tenant.js';

// Scope on the live path, through the real SDK clients against the fake ARM server:
// --management-group, --exclude-subscription, and --shard reading across subscriptions.

const LIVE_TIMEOUT = 120_000;

interface Finding {
  fingerprint: string;
  ruleId: string;
  subscriptionId?: string;
  resourceId: string;
  severity: string;
  message: string;
}
interface NotEvaluated {
  ruleId?: string;
  resourceId?: string;
  code?: string;
}
interface Report {
  subscriptions: Array<{ subscriptionId: string; state?: string }>;
  findings: Finding[];
  notEvaluated: NotEvaluated[];
}

let arm: FakeArm;
beforeAll(async () => {
  // Two descendants a page: the groups' lists go through nextLink.
  arm = await startFakeArm({ tenant: scopeTenant(), token: TOKEN, pageSize: 2 });
});
afterAll(() => arm.close());
afterEach(() => {
  arm.setFaults([]);
  arm.resetRequests();
});

async function scan(args: string[], faults: Fault[] = []) {
  arm.setFaults(faults);
  const run = await runLive(arm, ['scan', '--format', 'json', ...args]);
  return { ...run, report: (run.stdout ? JSON.parse(run.stdout) : undefined) as Report };
}

const ids = (report: Report): string[] => report.subscriptions.map((sub) => sub.subscriptionId).sort();
const touched = (): string[] => [...new Set(arm.requests.flatMap((request) => (request.subscriptionId && request.path !== `/subscriptions/${request.subscriptionId}` ? [request.subscriptionId.toLowerCase()] : [])))].sort();
const descendantReads = (group: string) => arm.requests.filter((request) => request.path.toLowerCase() === `/providers/microsoft.management/managementgroups/${group}/descendants`);
const excluding = (...subscriptions: string[]): string[] => subscriptions.flatMap((id) => ['--exclude-subscription', id]);

describe('--management-group', () => {
  it('scans exactly the subscriptions under the group, at any depth, read by GET through the pages of its descendants', async () => {
    const { status, stderr, report } = await scan(['--management-group', 'mg-platform']);
    // INVISIBLE is under mg-apps, but the credential cannot see it: kept, not evaluated, as --subscription keeps one.
    expect(status).toBe(3);
    expect(stderr).toBe('');
    expect(ids(report)).toEqual([SPOKE, HUB, INVISIBLE].sort());
    expect(report.notEvaluated).toContainEqual(expect.objectContaining({ resourceId: `/subscriptions/${INVISIBLE}`, code: 'SubscriptionNotFound' }));
    expect(touched()).toEqual([SPOKE, HUB].sort());
    // mg-platform has HUB, mg-apps, SPOKE and INVISIBLE below it: two pages of two.
    expect(descendantReads('mg-platform').length).toBe(2);
    expect(descendantReads('mg-platform').every((request) => /api-version=2021-04-01/.test(request.query))).toBe(true);
    expect(arm.requests.every((request) => request.method === 'GET')).toBe(true);
  }, LIVE_TIMEOUT);

  it('unites several groups, each subscription once, and --exclude-subscription takes some out (by id or name)', async () => {
    const { status, stderr, report } = await scan(['--rule', 'AZ-NSG-001', '--management-group', 'mg-platform', '--management-group', 'mg-apps', '--management-group', 'mg-logging', ...excluding(INVISIBLE, 'archiver')]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(ids(report)).toEqual([SPOKE, HUB, LOGS].sort());
    expect(touched()).toEqual([SPOKE, HUB, LOGS].sort());
  }, LIVE_TIMEOUT);

  it('exits 2 with one line when the group cannot be read, and reads no subscription', async () => {
    const denied = await scan(['--management-group', 'mg-root'], [{ match: '/providers/Microsoft.Management/managementGroups/mg-root', kind: '403' }]);
    expect(denied.status).toBe(2);
    expect(denied.stdout).toBe('');
    expect(denied.stderr).toMatch(/^azscan: --management-group 'mg-root': cannot read its descendants \(AuthorizationFailed: 403: .*\); reading a group needs Reader on it \(Microsoft\.Management\/managementGroups\/descendants\/read\)\n$/);
    expect(touched()).toEqual([]);
    const unknown = await scan(['--management-group', 'mg-nowhere']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  }, LIVE_TIMEOUT);

  it('exits 2 when the group has no subscriptions at any depth, or --subscription is given with it', async () => {
    const empty = await scan(['--management-group', 'mg-empty']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe("azscan: --management-group 'mg-empty': the group has no subscriptions, at any depth; nothing to scan\n");
    arm.resetRequests();
    const both = await runLive(arm, ['scan', '--management-group', 'mg-root', '--subscription', HUB]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^azscan: --subscription and --management-group: give one or the other/);
    expect(arm.requests).toEqual([]);
  }, LIVE_TIMEOUT);
});

describe('--exclude-subscription', () => {
  it('takes subscriptions out of every visible one, and warns about one that was not selected', async () => {
    const { status, stderr, report } = await scan(['--rule', 'AZ-NSG-001', ...excluding(ROOT_ONLY, UNGROUPED, ARCHIVER, LOGS, '00000000-0000-0000-0000-00000000beef')]);
    expect(status).toBe(0);
    expect(stderr).toBe("azscan: warning: --exclude-subscription '00000000-0000-0000-0000-00000000beef': not among the subscriptions selected; nothing excluded\n");
    // Excluded subscriptions are out of scope: not listed, not read.
    expect(ids(report)).toEqual([SPOKE, HUB].sort());
    expect(touched()).toEqual([SPOKE, HUB].sort());
  }, LIVE_TIMEOUT);

  it('exits 2 when it excludes everything selected', async () => {
    const { status, stderr } = await scan(['--subscription', HUB, '--exclude-subscription', 'hub']);
    expect(status).toBe(2);
    expect(stderr).toBe('azscan: --exclude-subscription excludes every subscription selected (1); nothing to scan\n');
  }, LIVE_TIMEOUT);
});

describe('--shard on a live scan', () => {
  it('splits as the hash says (the fixture depends on it)', () => {
    expect([SPOKE, ARCHIVER].map((id) => hashShardOf(id, 2))).toEqual([2, 2]);
    expect([HUB, LOGS].map((id) => hashShardOf(id, 2))).toEqual([1, 1]);
  });

  it('reads what its resources reference in the other shard, so that together the shards report what one unsharded scan reports', async () => {
    // The network pair only: SPOKE's interface is in HUB's subnet, behind HUB's NSGs, with SPOKE's public IP.
    const scope = ['--management-group', 'mg-platform', '--exclude-subscription', INVISIBLE];
    const whole = await scan(scope);
    expect(whole.stderr).toBe('');
    const shards: Report[] = [];
    for (const index of [1, 2]) {
      arm.resetRequests();
      const run = await scan([...scope, '--shard', `${index}/2`]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(whole.status);
      expect(ids(run.report)).toEqual([index === 1 ? HUB : SPOKE]);
      expect(arm.requests.every((request) => request.method === 'GET')).toBe(true);
      // The other subscription's network is read, and nothing else of it.
      const other = index === 1 ? SPOKE : HUB;
      const otherReads = arm.requests.filter((request) => request.subscriptionId?.toLowerCase() === other && request.path !== `/subscriptions/${other}`);
      expect(otherReads.length).toBeGreaterThan(0);
      expect(otherReads.filter((request) => !/\/providers\/Microsoft\.(Network|Compute|ContainerInstance)\//i.test(request.path))).toEqual([]);
      if (index === 2) expect(otherReads.some((request) => request.path === `/subscriptions/${HUB}/providers/Microsoft.Network/virtualNetworks`)).toBe(true);
      // The engine evaluates only the shard's own subscriptions: its report holds nothing of the other's.
      shards.push({
        subscriptions: run.report.subscriptions,
        findings: run.report.findings.map(withoutInputOrder),
        notEvaluated: run.report.notEvaluated.map(withoutInputOrder),
      });
    }
    const union = { findings: shards.flatMap((shard) => shard.findings), notEvaluated: shards.flatMap((shard) => shard.notEvaluated) };
    expect(sorted(union.findings)).toEqual(sorted(whole.report.findings));
    expect(sortedNotEvaluated(union.notEvaluated)).toEqual(sortedNotEvaluated(whole.report.notEvaluated));
    // The hub's shard knows the spoke's public IP reaches through its NSG: raised, with the way in.
    const hubNsg = union.findings.find((finding) => finding.resourceId.toLowerCase().startsWith(HUB_NSG_ID.toLowerCase()));
    expect(hubNsg?.message).toMatch(/Reachable from the internet: 20\.1\.2\.3/);
    expect(whole.report.findings.some((finding) => finding.resourceId.toLowerCase().startsWith(HUB_VNET_ID.toLowerCase()))).toBe(false);
  }, LIVE_TIMEOUT);

  it('reads by GET the storage account a diagnostic setting archives to in the other shard, and records a failed read against that account', async () => {
    const scope = ['--rule', 'AZ-MON-010', '--subscription', ARCHIVER, '--subscription', LOGS, '--shard', '2/2'];
    const { status, stderr, report } = await scan(scope);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(ids(report)).toEqual([ARCHIVER]);
    expect(report.findings.map((finding) => [finding.ruleId, finding.resourceId])).toEqual([['AZ-MON-010', STORAGE_ACCOUNT_ID]]);
    const logsReads = arm.requests.filter((request) => request.subscriptionId?.toLowerCase() === LOGS && request.path !== `/subscriptions/${LOGS}`);
    expect(logsReads.map((request) => [request.method, request.path])).toEqual([['GET', STORAGE_ACCOUNT_ID]]);

    arm.resetRequests();
    const denied = await scan(scope, [{ match: STORAGE_ACCOUNT_ID, kind: '403' }]);
    expect(denied.status).toBe(3);
    expect(denied.report.findings).toEqual([]);
    expect(denied.report.notEvaluated).toContainEqual(expect.objectContaining({ ruleId: 'AZ-MON-010', resourceId: STORAGE_ACCOUNT_ID }));
  }, LIVE_TIMEOUT);
});

/** A shard's report places each item in the unsharded order for `azscan merge`; the unsharded report has no such key. */
function withoutInputOrder<T extends object>(item: T): T {
  const { inputOrder: _inputOrder, ...rest } = item as T & { inputOrder?: unknown };
  return rest as T;
}

function subscriptionOf(id: string | undefined): string {
  return (/^\/subscriptions\/([^/]+)/i.exec(id ?? '')?.[1] ?? '').toLowerCase();
}

function sorted(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

function sortedNotEvaluated(entries: readonly NotEvaluated[]): string[] {
  return entries.map((entry) => `${entry.ruleId ?? ''}|${entry.resourceId ?? ''}|${entry.code ?? ''}`).sort();
}
