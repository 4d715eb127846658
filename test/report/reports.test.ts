import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { renderJson } from '../../src/report/json.js';
import { REPORTERS, reportText } from '../../src/report/index.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { plainText } from './plain-text.js';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo-tenant.json');
const demo = () => scanInventory(inventoryFromSnapshot(JSON.parse(readFileSync(DEMO, 'utf8')), 'fixtures/demo-tenant.json'), { rules: RULES });

const HOSTILE = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/evil';
const hostile = () =>
  scanInventory(
    inventoryFromSnapshot(
      [{ id: HOSTILE, name: 'evil\u001b[2J\u001b]0;owned\u0007\nCRITICAL (0)', type: 'Microsoft.Storage/storageAccounts', properties: { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_2' } }],
      'x.json',
    ),
    { rules: RULES.filter((rule) => rule.id === 'AZ-STG-001') },
  );

describe('terminal report', () => {
  it('fits 80 columns, uses no escape codes without colour, and groups by severity', () => {
    const text = renderTerminal(demo(), { color: false });
    for (const line of text.split('\n')) {
      // Only one word longer than the width may overflow: an `az` argument cannot be split.
      if (line.length > 80) expect(line.trim().replace(/ \\$/, ''), line).not.toContain(' ');
    }
    expect(text).not.toMatch(/\u001b/);
    const headings = [...text.matchAll(/^(CRITICAL|HIGH|MEDIUM|LOW) \((\d+)\)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    expect(text).toMatch(/^Summary: 9 critical · 9 high · 52 medium · 21 low {2}\(91 findings\)$/m);
    expect(text).toMatch(/scan complete/);
  });

  it('colours severities only when asked', () => {
    expect(renderTerminal(demo(), { color: true })).toMatch(/\u001b\[/);
  });

  it('prints untrusted names without their escape sequences or line breaks', () => {
    const text = renderTerminal(hostile(), { color: false, verbose: true });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('evil CRITICAL (0)');
    expect(text).not.toMatch(/^CRITICAL \(0\)$/m);
  });

  it('lists what was not evaluated, grouped by reason, and says the scan is incomplete', () => {
    const document = JSON.parse(readFileSync(DEMO, 'utf8'));
    const bare = scanInventory(inventoryFromSnapshot(document.resources, 'export.json'), { rules: RULES });
    const text = renderTerminal(bare, { color: false });
    expect(text).toMatch(/^NOT EVALUATED \(\d+\)$/m);
    // Grouped by cause (kind of resource, subscription, code); a bare array names no subscriptions.
    expect(text).toMatch(/^ {2}SQL databases in subscription 6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a01:\s+NotCollected — 6 checks\s+on 3 databases$/m);
    expect(text).toMatch(/AZ-SQL-001: Microsoft\.Sql\/servers\/databases\/transparentDataEncryption was\s+not collected \(a bare array/);
    expect(text).toMatch(/scan INCOMPLETE/);
  });

  it('groups what was not evaluated by cause: one line per failed read, not one per rule and resource', () => {
    const document = JSON.parse(readFileSync(DEMO, 'utf8'));
    const subscription = document.subscriptions[0].subscriptionId;
    const denied = (type: string) => ({ scope: `/subscriptions/${subscription}`, resourceType: type, code: 'AuthorizationFailed', message: `The client does not have authorization to perform action '${type}/read'.` });
    document.errors.push(denied('Microsoft.Sql/servers/auditingSettings'), denied('Microsoft.Sql/servers/securityAlertPolicies'));
    // The rules a scan runs without allowedLocations in the config: all but data residency.
    const result = scanInventory(inventoryFromSnapshot(document, 'x.json'), { rules: RULES.filter((rule) => rule.id !== 'AZ-GOV-001') });
    expect(result.notEvaluated).toHaveLength(6);
    const text = renderTerminal(result, { color: false, width: 200 });
    expect(text).toMatch(/^ {2}SQL servers in contoso-iot-prod: AuthorizationFailed — 6 checks on 2 servers$/m);
    expect(text).toMatch(/^ {6}AZ-SQL-003, AZ-SQL-009: reading Microsoft\.Sql\/servers\/auditingSettings failed: AuthorizationFailed: The client/m);
    expect(text).toMatch(/^ {6}AZ-SQL-010: reading Microsoft\.Sql\/servers\/securityAlertPolicies failed/m);
    expect(text.match(/does not have authorization/g)).toHaveLength(2);
    expect(text).toMatch(/^ {6}sql-contoso-prod, sql-contoso-legacy$/m);
  });

  it('says when the resources themselves could not be listed, rather than counting the subscription as one', () => {
    const document = JSON.parse(readFileSync(DEMO, 'utf8'));
    const subscription = document.subscriptions[0].subscriptionId;
    document.errors.push({ scope: `/subscriptions/${subscription}`, resourceType: 'Microsoft.Sql/servers', code: 'AuthorizationFailed', message: 'denied' });
    const result = scanInventory(inventoryFromSnapshot(document, 'x.json'), { rules: RULES.filter((rule) => rule.id !== 'AZ-GOV-001') });
    const text = renderTerminal(result, { color: false, width: 200 });
    expect(text).toMatch(/^ {2}SQL servers in contoso-iot-prod: AuthorizationFailed — 12 checks on servers that could not be listed$/m);
  });

  it('wraps at the width it is given, and at 80 columns when none is', () => {
    // Lines of more than one word: a single long word (an `az` argument) cannot be split.
    const longest = (text: string) => Math.max(...text.split('\n').filter((line) => line.trim().replace(/ \\$/, '').includes(' ')).map((line) => line.length));
    const wide = renderTerminal(demo(), { color: false, width: 132 });
    expect(longest(wide)).toBeGreaterThan(100);
    expect(longest(wide)).toBeLessThanOrEqual(132);
    expect(longest(renderTerminal(demo(), { color: false, width: 0 }))).toBeLessThanOrEqual(80);
    expect(longest(renderTerminal(demo(), { color: false, width: undefined }))).toBeLessThanOrEqual(80);
  });

  it('counts one of a thing in the singular', () => {
    const one = scanInventory(
      inventoryFromSnapshot([{ id: HOSTILE, name: 'one', type: 'Microsoft.Storage/storageAccounts', properties: { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_2' } }], 'x.json'),
      { rules: RULES.filter((rule) => rule.id === 'AZ-STG-001') },
    );
    const text = renderTerminal(one, { color: false });
    expect(text).toMatch(/\(1 finding\)/);
    expect(text).toMatch(/1 resource · 1 rule evaluated · 0 not evaluated/);
    expect(text).not.toMatch(/\b1 (rules|resources|findings|checks)\b/);
    for (const format of ['markdown', 'html'] as const) {
      const report = reportText(REPORTERS[format], one, { color: false, verbose: false });
      expect(report, format).not.toMatch(/\b1 (rules|resources|findings|checks|controls)\b/);
      expect(report, format).toMatch(/1 resource\b.*1 rule\b/);
    }
  });
});

describe('report formats', () => {
  it('has a reporter for every name --format takes', async () => {
    const { REPORTERS } = await import('../../src/report/index.js');
    const { FORMAT_NAMES } = await import('../../src/report/formats.js');
    expect(Object.keys(REPORTERS).sort()).toEqual([...FORMAT_NAMES].sort());
  });
});

describe('JSON report', () => {
  it('has the versioned shape ticketing systems read', () => {
    const report = JSON.parse(plainText(renderJson, demo()));
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'azscan', version: expect.any(String) } });
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'source', 'summary', 'subscriptions', 'skippedSubscriptions', 'rules', 'findings', 'notEvaluated', 'collectionErrors']);
    expect(report.summary).toMatchObject({ findings: { total: 91, critical: 9, high: 9, medium: 52, low: 21 }, complete: true, rulesEvaluated: RULES.length });
    for (const finding of report.findings) {
      for (const field of ['ruleId', 'severity', 'title', 'resourceId', 'resourceType', 'subscriptionId', 'message', 'evidence', 'remediation', 'compliance', 'fingerprint']) {
        expect(finding, field).toHaveProperty(field);
      }
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(report.findings.map((f: { fingerprint: string }) => f.fingerprint)).size).toBe(report.findings.length);
  });

  it('is identical across runs', () => {
    expect(plainText(renderJson, demo())).toBe(plainText(renderJson, demo()));
  });

  it('gives each finding its fix command with the names filled in, each one literal word for a shell', () => {
    const group = `rg 'x' $(echo INJECTED) \`echo TICK\``;
    const name = "st it's $(id)";
    const id = `/subscriptions/s1/resourceGroups/${group}/providers/Microsoft.Storage/storageAccounts/${name}`;
    const result = scanInventory(inventoryFromSnapshot([{ id, name, type: 'Microsoft.Storage/storageAccounts', properties: { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_2' } }], 'x.json'), {
      rules: RULES.filter((rule) => rule.id === 'AZ-STG-001'),
    });
    const command: string = JSON.parse(plainText(renderJson, result)).findings[0].remediation.az;
    // The shell's words, without running az: printf prints each argument it is given.
    const run = spawnSync('sh', ['-c', `printf '%s\\0' ${command.replace(/^az /, '')}`], { encoding: 'utf8' });
    expect(run.stdout.split('\0').slice(0, -1)).toEqual(['storage', 'account', 'update', '--resource-group', group, '--name', name, '--allow-blob-public-access', 'false']);
    // The demo's SQL server finding names its internet-wide firewall rule from the evidence.
    const sql = JSON.parse(plainText(renderJson, demo())).findings.find((finding: { ruleId: string }) => finding.ruleId === 'AZ-SQL-002');
    expect(sql.remediation.az).toBe("az sql server firewall-rule delete --resource-group 'rg-legacy' --server 'sql-contoso-legacy' --name 'AllowAll'");
  });

  it('keeps untrusted text as data, escaped by JSON', () => {
    const text = plainText(renderJson, hostile());
    expect(text).not.toMatch(/\u001b/);
    expect(JSON.parse(text).findings[0].resourceName).toBe('evil\u001b[2J\u001b]0;owned\u0007\nCRITICAL (0)');
  });
});
