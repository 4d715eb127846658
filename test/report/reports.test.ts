import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { renderJson } from '../../src/report/json.js';
import { renderTerminal } from '../../src/report/terminal.js';

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
    expect(text).toMatch(/^Summary: 9 critical · 8 high · 49 medium · 2 low {2}\(68 findings\)$/m);
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
    expect(text).toMatch(/AZ-SQL-001 × 3 Microsoft\.Sql\/servers\/databases\/transparentDataEncryption was\s+not collected \(a bare array/);
    expect(text).toMatch(/scan INCOMPLETE/);
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
    const report = JSON.parse(renderJson(demo()));
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'azscan', version: expect.any(String) } });
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'source', 'summary', 'subscriptions', 'skippedSubscriptions', 'rules', 'findings', 'notEvaluated', 'collectionErrors']);
    expect(report.summary).toMatchObject({ findings: { total: 68, critical: 9, high: 8, medium: 49, low: 2 }, complete: true, rulesEvaluated: RULES.length });
    for (const finding of report.findings) {
      for (const field of ['ruleId', 'severity', 'title', 'resourceId', 'resourceType', 'subscriptionId', 'message', 'evidence', 'remediation', 'compliance', 'fingerprint']) {
        expect(finding, field).toHaveProperty(field);
      }
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(report.findings.map((f: { fingerprint: string }) => f.fingerprint)).size).toBe(report.findings.length);
  });

  it('is identical across runs', () => {
    expect(renderJson(demo())).toBe(renderJson(demo()));
  });

  it('keeps untrusted text as data, escaped by JSON', () => {
    const text = renderJson(hostile());
    expect(text).not.toMatch(/\u001b/);
    expect(JSON.parse(text).findings[0].resourceName).toBe('evil\u001b[2J\u001b]0;owned\u0007\nCRITICAL (0)');
  });
});
