import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { SuppressionRule } from '../../src/model/suppression.js';
import type { Baseline } from '../../src/engine/baseline.js';
import type { ScanResult } from '../../src/model/result.js';
import { scanInventory, type ScanOptions } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { renderCsv } from '../../src/report/csv.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { plainText } from './plain-text.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'fixtures', 'demo-tenant.json');
const demoDocument = () => JSON.parse(readFileSync(DEMO, 'utf8'));

function demo(options: Partial<ScanOptions> = {}, document = demoDocument()): ScanResult {
  return scanInventory(inventoryFromSnapshot(document, 'fixtures/demo-tenant.json'), { rules: RULES, ...options });
}

/** The demo with a hostile name on one NSG, and one malformed resource, so reports must escape and report the unreadable. */
function hostileDemo(): ScanResult {
  const document = demoDocument();
  const nsg = document.resources.find((r: { name: string }) => r.name === 'nsg-lab-debug');
  nsg.properties.securityRules[0].name = '=HYPERLINK("http://evil","x")<img src=x onerror=alert(1)>\u0001&"\'';
  document.resources.push({ type: 'Microsoft.Network/networkSecurityGroups', properties: {} });
  return demo({}, document);
}

const suppression: SuppressionRule = { rule: 'AZ-NSG-001', resource: '*/nsg-lab-debug/*', reason: 'lab, torn down nightly', source: 'test' };

describe('SARIF', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its plugin is the default export's default.
  const addFormats = (formats as unknown as { default: (ajv: Ajv) => void }).default ?? (formats as unknown as (ajv: Ajv) => void);
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, 'sarif-schema-2.1.0.json'), 'utf8')));

  it('is valid SARIF 2.1.0 for the demo tenant, with suppressions, a baseline and not-evaluated reads', () => {
    for (const result of [demo(), demo({ suppressions: [suppression] }), hostileDemo()]) {
      const log = JSON.parse(plainText(renderSarif, result));
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('describes every rule and carries each finding\'s resource, fingerprint and severity', () => {
    const result = demo({ suppressions: [suppression] });
    const run = JSON.parse(plainText(renderSarif, result)).runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const nsg002 = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'AZ-NSG-002');
    expect(nsg002.properties['security-severity']).toBe('9.5');
    expect(nsg002.properties.tags).toContain('MCSB/NS-1');
    expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'AZ-SQL-001').properties.tags).toContain('CIS-Azure-3.0/5.1.5');
    expect(run.results).toHaveLength(result.findings.length);
    for (const [i, sarif] of run.results.entries()) {
      const finding = result.findings[i]!;
      expect(sarif.partialFingerprints['azscanFingerprint/v1']).toBe(finding.fingerprint);
      expect(sarif.locations[0].logicalLocations[0].fullyQualifiedName).toBe(finding.resourceId);
      expect(run.tool.driver.rules[sarif.ruleIndex].id).toBe(finding.ruleId);
    }
    const suppressed = run.results.filter((sarif: { suppressions?: unknown[] }) => sarif.suppressions);
    expect(suppressed.length).toBe(result.summary.suppressed);
    expect(suppressed[0].suppressions[0]).toEqual({ kind: 'external', justification: 'lab, torn down nightly' });
  });

  it('reports what could not be evaluated as tool notifications, and an incomplete run as unsuccessful', () => {
    const run = JSON.parse(plainText(renderSarif, hostileDemo())).runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/Not evaluated: resources\\\[\d+\\\]: MalformedResource/);
  });
});

describe('JUnit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

  it('has one suite per rule and one case per evaluated resource, with failures, errors and skips', () => {
    const result = hostileDemo();
    const xml = parser.parse(plainText(renderJunit, result));
    const suites = xml.testsuites.testsuite as Array<{ name: string; testcase?: Array<Record<string, unknown>> }>;
    expect(suites.map((suite) => suite.name)).toEqual([...RULES.map((rule) => `${rule.id} ${rule.name}`), 'input']);
    // A rule with nothing to evaluate in the demo tenant (no AKS cluster, registry or managed disk there) has an empty suite.
    const cases = suites.flatMap((suite) => suite.testcase ?? []);
    expect(cases.length).toBe(result.outcomes.length + result.notEvaluated.filter((entry) => !entry.ruleId).length);
    const failures = cases.filter((c) => c.failure);
    expect(failures.length).toBe(result.outcomes.filter((o) => o.status === 'fail').length);
    expect(Number(xml.testsuites.failures)).toBe(failures.length);
    // Not evaluated is an error, never a pass.
    const errors = cases.filter((c) => c.error);
    expect(errors.length).toBe(result.summary.outcomes.error + 1);
    const tls = suites.find((suite) => suite.name.startsWith('AZ-STG-005'))!.testcase!.find((c) => String(c.name).endsWith('stcontosoexports'))!;
    expect((tls.failure as { '#text': string })['#text']).toMatch(/Fix: Set the account's minimum TLS version[\s\S]*az storage account update/);
  });

  it('keeps hostile names as text and drops characters XML cannot hold', () => {
    const text = plainText(renderJunit, hostileDemo());
    expect(text).not.toMatch(/[\u0001]/);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(() => parser.parse(text)).not.toThrow();
  });

  it('skips suppressed failures rather than failing them', () => {
    const xml = parser.parse(plainText(renderJunit, demo({ suppressions: [suppression] })));
    const suite = (xml.testsuites.testsuite as Array<{ name: string; testcase: Array<Record<string, unknown>> }>).find((s) => s.name.startsWith('AZ-NSG-001'))!;
    const lab = suite.testcase.find((c) => String(c.name).endsWith('nsg-lab-debug'))!;
    expect(lab.skipped).toMatchObject({ message: 'suppressed: lab, torn down nightly' });
  });
});

describe('CSV', () => {
  it('has a header and one row per finding, read back by a CSV parser', () => {
    const result = demo({ suppressions: [suppression] });
    const rows = parseCsv(plainText(renderCsv, result), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(result.findings.length);
    expect(rows[0]).toMatchObject({ severity: 'critical', rule_id: result.findings[0]!.ruleId, fingerprint: result.findings[0]!.fingerprint });
    expect(rows.filter((row) => row.suppressed_reason === 'lab, torn down nightly').length).toBe(result.summary.suppressed);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const rows = parseCsv(plainText(renderCsv, hostileDemo()), { columns: true }) as Array<Record<string, string>>;
    const hostile = rows.find((row) => row.resource_name?.includes('HYPERLINK'))!;
    expect(hostile.resource_name?.startsWith('nsg-lab-debug/=HYPERLINK')).toBe(true);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('Markdown', () => {
  it('summarises by severity, lists findings, and stays within a comment', () => {
    const result = demo({ compliance: 'cis-azure-3.0' });
    const text = renderMarkdown(result);
    expect(text).toMatch(/^## azscan: 9 critical · 9 high · 52 medium · 21 low$/m);
    expect(text).toMatch(/^\| 🔴 critical \| 9 \|$/m);
    expect(text).toMatch(/^### CIS Microsoft Azure Foundations Benchmark v3\.0\.0$/m);
    expect(text.match(/^\| (🔴|🟠|🟡|🔵) \w+ \| AZ-/gm)).toHaveLength(result.findings.length);
    expect(text.length).toBeLessThan(60_000);
  });

  it('escapes names so they cannot break a table or add markup', () => {
    const text = renderMarkdown(hostileDemo());
    const row = text.split('\n').find((line) => line.includes('HYPERLINK'))!;
    expect(row).toContain('&lt;img src=x onerror=alert\\(1\\)\\>');
    expect(row.split(' | ').length).toBe(4);
  });

  it('shows what changed since a baseline', () => {
    const baseline: Baseline = {
      path: 'before.json',
      findings: [
        ...demo().findings.slice(1).map(({ fingerprint, ruleId, resourceId, severity, title }) => ({ fingerprint, ruleId, resourceId, severity, title })),
        { fingerprint: 'f'.repeat(32), ruleId: 'AZ-STG-001', resourceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/gone', severity: 'high', title: 'gone' },
      ],
    };
    const text = renderMarkdown(demo({ baseline }));
    expect(text).toMatch(/^1 new · 90 existing · 1 fixed$/m);
  });
});
