/**
 * The Defender for Cloud, security contact, custom role and security solution alert rules read
 * live, by ARM path, from a fake ARM serving `fixtures/live/security-tenant.json`: the live scan
 * must report what a scan of the same file reports, with GET requests only, at the api-versions
 * the readers declare, role definitions narrowed to custom roles by ARM's `$filter`, and of
 * Defender's assessments only the system-updates ones kept.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_UPDATES_ASSESSMENT_KEYS } from '../../src/inventory/arm-types.js';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot, type SnapshotLike } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'security-tenant.json');
const TENANT = JSON.parse(readFileSync(TENANT_FILE, 'utf8')) as SnapshotLike & { collected: string[]; resources: Array<{ id: string }> };

const RULE_IDS = ['AZ-DEF-001', 'AZ-DEF-002', 'AZ-DEF-003', 'AZ-DEF-004', 'AZ-DEF-005', 'AZ-DEF-006', 'AZ-DEF-007', 'AZ-DEF-008', 'AZ-DEF-009', 'AZ-GOV-002', 'AZ-MON-008'];
/** The rules the tenant gives a malformed value to (a contact's isEnabled, a role's actions, an assessment's status code), so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = ['AZ-DEF-004', 'AZ-DEF-005', 'AZ-DEF-006', 'AZ-DEF-009', 'AZ-GOV-002'];

interface Report {
  source: { kind: string };
  findings: Array<{ fingerprint: string; ruleId: string }>;
  notEvaluated: Array<{ ruleId?: string; resourceId?: string; code: string }>;
}

/** A report without its source, its findings and not-evaluated entries in an order that does not depend on reading order. */
function comparable(report: Report) {
  return {
    ...report,
    source: undefined,
    findings: [...report.findings].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
    notEvaluated: [...report.notEvaluated].sort((a, b) => `${a.ruleId}|${a.resourceId}`.localeCompare(`${b.ruleId}|${b.resourceId}`)),
  };
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}

let arm: FakeArm;
beforeAll(async () => {
  // A small page size makes the lists that page (contacts, settings, roles, alerts) follow nextLink.
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(TENANT), token: TOKEN, pageSize: 2 });
});
afterAll(() => arm.close());

describe('Defender for Cloud, security contact, custom role and security solution alert rules, read live', () => {
  for (const id of RULE_IDS) {
    it(`${id}: the live scan reports what the snapshot scan reports, with at least one finding`, async () => {
      arm.resetRequests();
      const live = await runLive(arm, ['scan', '--rule', id, '--format', 'json']);
      const offline = runCli(['scan', '--snapshot', TENANT_FILE, '--rule', id, '--format', 'json']);
      expect(live.stderr).toBe('');
      expect(live.status).toBe(offline.status);
      const liveReport = JSON.parse(live.stdout) as Report;
      const offlineReport = JSON.parse(offline.stdout) as Report;
      expect(liveReport.source.kind).toBe('live');
      expect(comparable(liveReport)).toEqual(comparable(offlineReport));
      expect(liveReport.findings.length).toBeGreaterThan(0);
      expect(new Set(liveReport.findings.map((finding) => finding.ruleId))).toEqual(new Set([id]));
      expect(liveReport.notEvaluated.length > 0).toBe(WITH_MALFORMED_INPUT.includes(id));
      expect(arm.requests.map((request) => request.method).filter((method) => method !== 'GET')).toEqual([]);
    });
  }

  it('collects the tenant back as it is, by path at the declared api-versions, with GET requests only', async () => {
    arm.resetRequests();
    const path = join(mkdtempSync(join(tmpdir(), 'azscan-security-')), 'collected.json');
    const collect = await runLive(arm, ['collect', '--quiet', '--output', path, ...RULE_IDS.flatMap((id) => ['--rule', id])]);
    expect(collect.stderr).toBe('');
    expect(collect.status).toBe(0);
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { collected: string[]; resources: Array<{ id: string }>; errors: unknown[] };
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.collected).toEqual(TENANT.collected);
    // Of the assessments ARM lists, only the system-updates ones are kept: the tenant's endpoint
    // protection assessment is served, and dropped.
    const kept = (TENANT.resources as Array<{ id: string }>).filter((resource) => !/\/providers\/Microsoft\.Security\/assessments\//i.test(resource.id) || SYSTEM_UPDATES_ASSESSMENT_KEYS.some((key) => resource.id.toLowerCase().endsWith(`/${key}`)));
    expect(kept.length).toBe(TENANT.resources.length - 1);
    expect(byId(snapshot.resources)).toEqual(byId(kept));
    for (const request of arm.requests) {
      expect(request.method).toBe('GET');
      expect(request.authorization).toBe('valid');
      expect(request.path).not.toMatch(/listkeys|\/list[A-Z]|regeneratekey/i);
    }
    const queryOf = (read: string) => arm.requests.filter((request) => request.path.toLowerCase().endsWith(read.toLowerCase()) && !new URLSearchParams(request.query).has('$skiptoken')).map((request) => new URLSearchParams(request.query));
    const expected: Array<[string, string]> = [
      ['providers/Microsoft.Security/pricings', '2024-01-01'],
      ['providers/Microsoft.Security/autoProvisioningSettings', '2017-08-01-preview'],
      ['providers/Microsoft.Security/settings', '2022-05-01'],
      ['providers/Microsoft.Security/securityContacts', '2023-12-01-preview'],
      ['providers/Microsoft.Authorization/roleDefinitions', '2022-04-01'],
      ['providers/Microsoft.Security/assessments', '2021-06-01'],
    ];
    for (const [read, version] of expected) {
      const queries = queryOf(read);
      expect(queries, read).toHaveLength(2);
      expect(queries.map((query) => query.get('api-version')), read).toEqual([version, version]);
    }
    expect(queryOf('providers/Microsoft.Authorization/roleDefinitions').map((query) => query.get('$filter'))).toEqual(["type eq 'CustomRole'", "type eq 'CustomRole'"]);
  });
});
