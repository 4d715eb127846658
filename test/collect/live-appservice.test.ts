/**
 * The App Service rules (AZ-APP-*) read live, by ARM path through the fake ARM server, must
 * report exactly what they report on the same tenant as a snapshot: sites, slots, each one's
 * `config/web` and `config/authsettingsV2` (GETs of singletons) and basic publishing credentials
 * policies, with nothing but GET requests and never a publishing credential. The fake ARM server
 * serves the auth settings with secrets in them (as ARM may); the collected snapshot must hold none.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import { startFakeArm, type FakeArm } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot, type SnapshotLike } from '../fake-arm/tenant.js';
import { runLive, TOKEN } from './live-cli.js';

const TENANT_FILE = join(ROOT, 'fixtures', 'live', 'appservice-tenant.json');
const TENANT = JSON.parse(readFileSync(TENANT_FILE, 'utf8')) as SnapshotLike & { collected: string[]; resources: Array<{ id: string }> };

const RULE_IDS = ['AZ-APP-001', 'AZ-APP-002', 'AZ-APP-003', 'AZ-APP-004', 'AZ-APP-005', 'AZ-APP-006', 'AZ-APP-007', 'AZ-APP-008', 'AZ-APP-009', 'AZ-APP-010'];

/** Names of properties the reader must drop, at any depth; the tenant file has none of them. */
const SECRET_NAMES = ['clientSecret', 'clientSecretSettingName', 'clientSecretCertificateThumbprint', 'password', 'publishingPassword'];

/**
 * The tenant as the fake ARM server serves it: each `config/authsettingsV2` with secret-like
 * properties at several depths, as ARM may send them in identity-provider settings.
 */
function withSecrets(tenant: typeof TENANT): typeof TENANT {
  const served = structuredClone(tenant);
  for (const resource of served.resources as Array<{ id: string; properties?: Record<string, Record<string, unknown>> }>) {
    const properties = resource.properties;
    if (!resource.id.endsWith('/config/authsettingsV2') || !properties?.globalValidation) continue;
    // Only secret-named properties are added, so that what is left once they are dropped is the tenant file.
    (properties as Record<string, unknown>).clientSecretCertificateThumbprint = 'ABCDEF';
    properties.globalValidation.password = 'hunter2';
    const registration = (properties.identityProviders?.azureActiveDirectory as { registration?: Record<string, unknown> } | undefined)?.registration;
    if (registration) Object.assign(registration, { clientSecret: 'shh-aad', clientSecretSettingName: 'AAD_SECRET' });
  }
  return served;
}

/** The rules the tenant gives a malformed value to, so that not-evaluated entries are compared too. */
const WITH_MALFORMED_INPUT = RULE_IDS;

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
  // A small page size makes every list (servers, administrators, vaults…) follow nextLink.
  arm = await startFakeArm({ tenant: fakeTenantFromSnapshot(withSecrets(TENANT)), token: TOKEN, pageSize: 2 });
});
afterAll(() => arm.close());

describe('App Service rules, read live', () => {
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

  it('collects the tenant back as it is: the same collected types and the same ARM JSON, with GET requests only', async () => {
    arm.resetRequests();
    const path = join(mkdtempSync(join(tmpdir(), 'azscan-appservice-')), 'collected.json');
    const collect = await runLive(arm, ['collect', '--quiet', '--output', path, ...RULE_IDS.flatMap((id) => ['--rule', id])]);
    expect(collect.stderr).toBe('');
    expect(collect.status).toBe(0);
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { collected: string[]; resources: Array<{ id: string }>; errors: unknown[] };
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.collected).toEqual(TENANT.collected);
    // What ARM served with secrets comes back without them: the same JSON as the secret-free tenant file.
    expect(byId(snapshot.resources)).toEqual(byId(TENANT.resources));
    const text = readFileSync(path, 'utf8');
    for (const name of SECRET_NAMES) expect(text, name).not.toContain(`"${name}"`);
    expect(text).not.toMatch(/shh-aad|hunter2|AAD_SECRET|ABCDEF/);
    expect(arm.requests.filter((request) => /\/config\/authsettingsV2$/i.test(request.path)).length).toBe(4);
    expect(arm.requests.length).toBeGreaterThan(12);
    for (const request of arm.requests) {
      expect(request.method).toBe('GET');
      expect(request.authorization).toBe('valid');
      expect(request.path).not.toMatch(/listkeys|\/list[A-Z]|regeneratekey|publishxml|publishingcredentials\/list|config\/authsettings(\/|$)/i);
    }
  });
});
