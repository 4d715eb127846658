/**
 * The subscription-level rules (activity log alerts and export, Defender plans), the Event Grid
 * MQTT broker rules and data residency, read live through the SDKs from a fake ARM serving
 * `fixtures/live/catalogue-b-tenant.json`: the live scan must report what a scan of the same file does.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';
import type { FakeArm } from '../fake-arm/server.js';
import { runLive } from './live-cli.js';
import { comparable, expectReadOnlyRequests, loadTenant, ruleArgs, serveTenant, type Report as SharedReport } from './live-equivalence.js';

const TENANT = join(ROOT, 'fixtures', 'live', 'catalogue-b-tenant.json');
const RULE_IDS = ['AZ-DEF-001', 'AZ-EVG-001', 'AZ-EVG-002', 'AZ-GOV-001', 'AZ-MON-002', 'AZ-MON-003', 'AZ-MON-004', 'AZ-MON-005', 'AZ-MON-006', 'AZ-MON-007'];

const dir = mkdtempSync(join(tmpdir(), 'azscan-catalogue-b-'));
const config = join(dir, 'azscan.config.yaml');
writeFileSync(config, 'allowedLocations: [westeurope, North Europe]\n');
const selection = [...ruleArgs(RULE_IDS), '--config', config];

/** A JSON report, with its summary's completeness. */
type Report = SharedReport & { summary: { complete: boolean } };

let arm: FakeArm;
beforeAll(async () => {
  arm = await serveTenant(loadTenant(TENANT));
});
afterAll(() => arm.close());

describe('catalogue B read live', () => {
  it('reports exactly what a scan of the same tenant as a snapshot reports, with a finding for every rule', async () => {
    const live = await runLive(arm, ['scan', '--format', 'json', ...selection]);
    expect(live.stderr).toBe('');
    expect(live.status).toBe(0);
    const offline = runCli(['scan', '--snapshot', TENANT, '--format', 'json', ...selection]);
    expect(offline.status).toBe(0);
    const liveReport = JSON.parse(live.stdout) as Report;
    expect(liveReport.summary.complete).toBe(true);
    expect(liveReport.notEvaluated).toEqual([]);
    expect(comparable(liveReport)).toEqual(comparable(JSON.parse(offline.stdout) as Report));
    expect([...new Set(liveReport.findings.map((finding) => finding.ruleId))].sort()).toEqual(RULE_IDS);
  });

  it('makes only authorised GET requests, and reads the subscription-level resources', async () => {
    arm.resetRequests();
    await runLive(arm, ['scan', '--format', 'json', ...selection]);
    expectReadOnlyRequests(arm);
    const paths = arm.requests.map((request) => request.path.toLowerCase());
    for (const read of ['providers/microsoft.insights/activitylogalerts', 'providers/microsoft.insights/diagnosticsettings', 'providers/microsoft.security/pricings', 'providers/microsoft.eventgrid/namespaces']) {
      expect(paths.filter((path) => path.endsWith(read)), read).toHaveLength(2);
    }
    // Read by ARM path at versions that know the conditions and resources the rules judge:
    // alerts' containsAny/anyOf came after the SDK's 2017-04-01, Event Grid namespaces after its SDK.
    const versionsOf = (read: string) => [...new Set(arm.requests.filter((request) => request.path.toLowerCase().endsWith(read)).map((request) => new URLSearchParams(request.query).get('api-version')))];
    expect(versionsOf('providers/microsoft.insights/activitylogalerts')).toEqual(['2020-10-01']);
    expect(versionsOf('providers/microsoft.eventgrid/namespaces')).toEqual(['2025-02-15']);
    // Pricings' extensions (the Containers plan's components) came after the SDK's 2022-03-01.
    expect(versionsOf('providers/microsoft.security/pricings')).toEqual(['2024-01-01']);
  });

  it('records the subscriptions\' own diagnostic settings as collected, so the written snapshot scans the same', async () => {
    const path = join(dir, 'collected.json');
    const collect = await runLive(arm, ['collect', '--output', path, ...selection]);
    expect(collect.status).toBe(0);
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { collected: string[]; errors: unknown[] };
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.collected).toEqual(
      expect.arrayContaining([
        'Microsoft.Insights/diagnosticSettings@Microsoft.Resources/subscriptions',
        'Microsoft.Insights/activityLogAlerts',
        'Microsoft.Security/pricings',
        'Microsoft.EventGrid/namespaces',
      ]),
    );
    const scanned = runCli(['scan', '--snapshot', path, '--format', 'json', ...selection]);
    const original = runCli(['scan', '--snapshot', TENANT, '--format', 'json', ...selection]);
    expect(comparable(JSON.parse(scanned.stdout) as Report)).toEqual(comparable(JSON.parse(original.stdout) as Report));
  });

  it('refuses data residency without allowed locations, before reading anything', async () => {
    arm.resetRequests();
    const run = await runLive(arm, ['scan', '--rule', 'AZ-GOV-001']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^azscan: --rule AZ-GOV-001: .*set allowedLocations in the config file/);
    expect(arm.requests).toEqual([]);
  });
});
