import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { SuppressionRule } from '../../src/model/suppression.js';
import type { Baseline } from '../../src/engine/baseline.js';
import type { ScanResult } from '../../src/model/result.js';
import { scanInventory, type ScanOptions } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { fixCommand } from '../../src/report/fix-command.js';
import { renderHtml } from '../../src/report/html/report.js';
import { openPage, useChromium, writeTempHtml } from './browser.js';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo-tenant.json');
const demoDocument = () => JSON.parse(readFileSync(DEMO, 'utf8'));
// The rules a scan runs without allowedLocations in the config: all but data residency.
const CLI_RULES = RULES.filter((rule) => rule.id !== 'AZ-GOV-001');
const scan = (document: unknown, options: Partial<ScanOptions> = {}): ScanResult =>
  scanInventory(inventoryFromSnapshot(document, 'fixtures/demo-tenant.json'), { rules: CLI_RULES, ...options });

// Names anyone with write access to the tenant could give; each would run script if it
// were ever written into the page as markup.
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_SUBSCRIPTION = '"><svg onload=alert(2)>\u0007\u001b[31m';
const HOSTILE_REASON = 'accepted </script><script>alert(3)</script>';
const HOSTILE_ERROR = "The client '<b onmouseover=alert(5)>' does not have authorization";

/**
 * The demo estate with hostile names on a storage account, a subscription and a read error
 * (on a type no rule reads, so the scan stays complete), and a disabled subscription.
 */
function hostileDocument() {
  const document = demoDocument();
  document.resources.find((resource: { name: string }) => resource.name === 'stcontosoexports').name = HOSTILE_NAME;
  document.subscriptions[0].displayName = HOSTILE_SUBSCRIPTION;
  document.subscriptions.push({ subscriptionId: '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a03', displayName: 'contoso-retired', state: 'Disabled' });
  document.errors.push({ scope: document.subscriptions[1].subscriptionId, resourceType: 'Microsoft.KeyVault/vaults/secrets', code: 'AuthorizationFailed', message: HOSTILE_ERROR });
  return document;
}

const SUPPRESSIONS: SuppressionRule[] = [
  { rule: 'AZ-MON-001', resource: '*/storageAccounts/stcontosoexports/*', reason: HOSTILE_REASON, expires: '2099-12-31', source: 'azscan.yaml: suppressions[0]' },
  { rule: 'AZ-NSG-005', resource: '*/nsg-lab-debug', reason: 'lab, torn down soon', expires: '2020-01-01', source: 'azscan.yaml: suppressions[1]' },
  { rule: 'AZ-SQL-001', resource: '/subscriptions/gone/*', reason: 'old estate', source: 'azscan.yaml: suppressions[2]' },
];

/** The critical and high findings of the demo, one that is gone since, and one whose rule no longer runs. */
function baseline(): Baseline {
  const before = scan(demoDocument()).findings.filter((finding) => finding.severity === 'critical' || finding.severity === 'high');
  return {
    path: 'last-month.json',
    findings: [
      ...before.map(({ fingerprint, ruleId, resourceId, severity, title }) => ({ fingerprint, ruleId, resourceId, severity, title })),
      { fingerprint: 'f'.repeat(32), ruleId: 'AZ-STG-001', resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/deleted', severity: 'high', title: `Gone ${HOSTILE_NAME}` },
      { fingerprint: 'e'.repeat(32), ruleId: 'AZ-OLD-999', resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/old', severity: 'low', title: 'Retired rule' },
    ],
  };
}

/** Every section at once, with hostile names: what the browser tests open. */
const full = () => scan(hostileDocument(), { compliance: 'cis-azure-3.0', suppressions: SUPPRESSIONS, today: '2026-11-20', baseline: baseline() });

// --- reading the page back with parse5 -------------------------------------------------

type Element = T.Element;

function elements(node: T.ParentNode): Element[] {
  const found: Element[] = [];
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    found.push(child, ...elements(child));
  }
  return found;
}

const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
const byTag = (root: T.ParentNode, tag: string): Element[] => elements(root).filter((element) => element.tagName === tag);
const byId = (root: T.ParentNode, id: string): Element => {
  const found = elements(root).find((element) => attr(element, 'id') === id);
  if (!found) throw new Error(`no element #${id}`);
  return found;
};

function textOf(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** Text nodes outside <script> and <style>: where escaped data values live. */
function dataTexts(node: T.ParentNode): string[] {
  const texts: string[] = [];
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') texts.push((child as T.TextNode).value);
    else if ('tagName' in child && child.tagName !== 'script' && child.tagName !== 'style') texts.push(...dataTexts(child));
  }
  return texts;
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
const inForce = (result: ScanResult) => result.findings.filter((finding) => !finding.suppressed);

describe('HTML report: the document', () => {
  const result = full();
  const markup = renderHtml(result);
  const document = parse(markup);

  it('is one self-contained page: inline style and script, a strict CSP, nothing fetched', () => {
    expect(markup.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const tag of ['link', 'img', 'iframe', 'object', 'embed', 'base', 'audio', 'video', 'source']) expect(byTag(document, tag), tag).toHaveLength(0);
    const scripts = byTag(document, 'script');
    expect(scripts).toHaveLength(1);
    expect(attr(scripts[0]!, 'src')).toBeUndefined();

    const csp = byTag(document, 'meta').find((meta) => attr(meta, 'http-equiv') === 'Content-Security-Policy');
    const policy = attr(csp!, 'content')!;
    expect(policy).toMatch(/^default-src 'none';/);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(policy).toContain(`script-src ${hash(textOf(scripts[0]!))}`);
    expect(policy).toContain(`style-src ${hash(textOf(byTag(document, 'style')[0]!))}`);

    // The only addresses in attributes are the links of rule references, to web pages, opened
    // with neither opener nor referrer; every other href is a section of the page.
    const links = byTag(document, 'a').filter((a) => !attr(a, 'href')!.startsWith('#'));
    expect(links.length).toBeGreaterThan(0);
    for (const element of elements(document)) {
      for (const { name, value } of element.attrs) {
        if (name === 'href' && links.includes(element)) {
          expect(value).toMatch(/^https:\/\/[^\s"'<>]+$/);
          expect(value).toBe(new URL(textOf(element)).href);
          expect(attr(element, 'rel')).toBe('noopener noreferrer');
          continue;
        }
        expect(`${name}="${value}"`).not.toMatch(/https?:|\/\/|javascript:|data:/i);
        if (name === 'href') expect(value).toMatch(/^#[a-z-]+$/);
      }
    }
    for (const element of [...byTag(document, 'style'), ...scripts]) expect(textOf(element)).not.toMatch(/https?:|url\(|@import|fetch\(|XMLHttpRequest|import\(/);
    // Each URL in the file is in escaped text a reader sees (rule references) or the href of that text's link, none anywhere else.
    const urlsInText = dataTexts(document).reduce((sum, text) => sum + count(text, /https?:\/\//g), 0);
    expect(urlsInText).toBeGreaterThan(0);
    expect(count(markup, /https?:\/\//g)).toBe(urlsInText + links.length);
  });

  it('has one row per finding, in report order, with the attributes the filters read', () => {
    const rows = elements(document).filter((element) => element.tagName === 'tr' && attr(element, 'class')?.split(' ').includes('finding'));
    expect(rows).toHaveLength(result.findings.length);
    rows.forEach((row, i) => {
      const finding = result.findings[i]!;
      expect(attr(row, 'data-severity')).toBe(finding.severity);
      expect(attr(row, 'data-service')).toBe(finding.service);
      expect(attr(row, 'data-subscription')).toBe(finding.subscriptionId!.toLowerCase());
      expect(attr(row, 'data-rule')).toBe(finding.ruleId);
      expect(attr(row, 'data-suppressed')).toBe(finding.suppressed ? 'true' : undefined);
      expect(attr(row, 'data-baseline')).toBe(finding.baselineState);
      // Escape sequences and control characters are dropped from untrusted names (a subscription's is the hostile one here).
      expect(textOf(row)).toContain(finding.resourceName.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u0000-\u001f\u007f]/g, ''));
      expect(textOf(row)).toContain(finding.fingerprint);
    });
    expect(rows.filter((row) => attr(row, 'data-suppressed'))).toHaveLength(1);
  });

  it('shows the summary counts by severity, and charts that say what they show', () => {
    const shown = Object.fromEntries(
      elements(byId(document, 'severity-counts')).filter((li) => li.tagName === 'li').map((li) => [attr(li, 'data-severity') ?? 'suppressed', Number(textOf(byTag(li, 'strong')[0]!))]),
    );
    const s = result.summary.findings;
    expect(shown).toEqual({ critical: s.critical, high: s.high, medium: s.medium, low: s.low, suppressed: result.summary.suppressed });
    expect(result.summary.suppressed).toBe(1);

    // Each chart is a table labelled by its caption: a row per bar, its label and its count.
    const charts = elements(document).filter((element) => element.tagName === 'table' && attr(element, 'class') === 'bars');
    expect(charts).toHaveLength(2);
    for (const chart of charts) expect(textOf(byId(document, attr(chart, 'aria-labelledby')!))).toMatch(/^Findings by (severity|service)$/);
    const bars = (chart: Element) => byTag(chart, 'tr').map((row) => `${textOf(byTag(row, 'th')[0]!)}: ${textOf(byTag(row, 'td')[1]!)}`);
    expect(bars(charts[0]!)).toEqual([`critical: ${s.critical}`, `high: ${s.high}`, `medium: ${s.medium}`, `low: ${s.low}`]);
    const byService = inForce(result).filter((finding) => finding.service === 'nsg').length;
    expect(bars(charts[1]!)).toContain(`Network (NSG): ${byService}`);
    expect(byTag(charts[0]!, 'rect')).toHaveLength(4);
  });

  it('details each finding: evidence, the fix and its az command, compliance ids, suppression and baseline state', () => {
    const rows = elements(document).filter((element) => attr(element, 'data-rule') !== undefined);
    const first = result.findings[0]!;
    const details = byTag(rows[0]!, 'details')[0]!;
    expect(byTag(details, 'ul').filter((ul) => attr(ul, 'class') === 'evidence').flatMap((ul) => byTag(ul, 'li'))).toHaveLength(first.evidence.length);
    expect(textOf(details)).toContain(`${first.evidence[0]!.path} = ${JSON.stringify(first.evidence[0]!.value)}`);
    // The command with the finding's names filled in (item 18: the first finding's has none it can fill).
    expect(textOf(byTag(details, 'pre')[0]!)).toBe(fixCommand(first));
    expect(textOf(details)).toContain(first.remediation.text);
    expect(textOf(details)).toContain(`Microsoft cloud security benchmark v1: ${first.compliance.mcsb.join(', ')}`);
    expect(textOf(details)).toContain('already in the baseline');

    const suppressed = rows.find((row) => attr(row, 'data-suppressed'))!;
    expect(textOf(suppressed)).toContain(`${HOSTILE_REASON} (until 2099-12-31)`);
    const notSet = result.findings.findIndex((finding) => finding.evidence.some((item) => item.absent));
    expect(textOf(rows[notSet]!)).toMatch(/= \(not set\)/);
  });

  it('shows the compliance view, the manual controls collapsed', () => {
    const compliance = result.compliance!;
    const automated = compliance.controls.filter((control) => control.rules.length > 0);
    const rows = byTag(byId(document, 'compliance-table'), 'tr').filter((row) => attr(row, 'data-status'));
    expect(rows.map((row) => attr(row, 'data-status'))).toEqual(automated.map((control) => control.status));
    expect(textOf(byId(document, 'compliance-heading'))).toBe(`Compliance: ${compliance.title}`);
    const manual = byId(document, 'manual-controls');
    expect(manual.tagName).toBe('details');
    expect(attr(manual, 'open')).toBeUndefined();
    expect(byTag(manual, 'tr').filter((row) => attr(row, 'data-status'))).toHaveLength(compliance.counts.manual + compliance.counts.noRule);
  });

  it('shows the baseline comparison and expired and stale suppressions', () => {
    const b = result.baseline!;
    const baselineCounts = Object.fromEntries(byTag(byId(document, 'baseline'), 'li').map((li) => [attr(li, 'data-baseline'), Number(textOf(byTag(li, 'strong')[0]!))]));
    expect(baselineCounts).toEqual({ new: b.new, existing: b.existing, fixed: 1, unknown: 1 });
    expect(textOf(byId(document, 'baseline-fixed'))).toContain(`Gone ${HOSTILE_NAME}`);
    expect(textOf(byId(document, 'baseline-unknown'))).toContain('AZ-OLD-999');
    expect(byTag(byTag(byId(document, 'suppressions-expired'), 'tbody')[0]!, 'tr')).toHaveLength(1);
    expect(textOf(byId(document, 'suppressions-stale'))).toContain('/subscriptions/gone/*');
  });

  it('heads the page with the source, tenant, subscriptions, skipped ones and read errors', () => {
    const facts = textOf(elements(document).find((element) => attr(element, 'class') === 'facts')!);
    expect(facts).toContain('snapshot fixtures/demo-tenant.json');
    expect(facts).toContain(result.source.tenantId);
    expect(facts).toContain(result.source.collectedAt);
    expect(facts).toContain('contoso-analytics 6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a02');
    expect(facts).toMatch(/Skipped\s*contoso-retired 6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a03 — Disabled/);
    expect(textOf(byId(document, 'collection-errors-table'))).toContain(HOSTILE_ERROR);
    expect(textOf(byId(document, 'scan-state'))).toBe('Scan complete');
  });

  it('charts a service none of whose rules evaluated a resource as "not read" or "none found", never as 0', () => {
    const document = demoDocument();
    // The SQL servers could not be listed; there are no Event Grid namespaces at all.
    for (const sub of document.subscriptions) document.errors.push({ scope: `/subscriptions/${sub.subscriptionId}`, resourceType: 'Microsoft.Sql/servers', code: 'AuthorizationFailed', message: 'no access' });
    document.resources = document.resources.filter((resource: { type: string }) => !/^Microsoft\.(EventGrid|Sql)\//i.test(resource.type));
    const page = parse(renderHtml(scan(document)));
    const chart = elements(page).filter((element) => element.tagName === 'table' && attr(element, 'class') === 'bars')[1]!;
    const bars = Object.fromEntries(byTag(chart, 'tr').map((row) => [textOf(byTag(row, 'th')[0]!), textOf(byTag(row, 'td')[1]!)]));
    expect(bars).toMatchObject({ SQL: 'not read', 'Event Grid': 'none found', Storage: expect.stringMatching(/^\d+$/) });
    const sqlRow = byTag(chart, 'tr').find((row) => textOf(byTag(row, 'th')[0]!) === 'SQL')!;
    expect(byTag(sqlRow, 'rect')).toHaveLength(0);
  });

  it('links rule references that are web pages, and only those', () => {
    const rules = result.rules.map((rule) => (rule.id === 'AZ-STG-001' ? { ...rule, references: ['javascript:alert(1)', 'http://example.test/a b', ...rule.references] } : rule));
    const page = parse(renderHtml({ ...result, rules }));
    const fix = byId(page, 'fix-AZ-STG-001');
    const links = byTag(fix, 'a');
    expect(links.map((a) => attr(a, 'href'))).toEqual(['http://example.test/a%20b', ...result.rules.find((rule) => rule.id === 'AZ-STG-001')!.references]);
    for (const link of links) expect(attr(link, 'rel')).toBe('noopener noreferrer');
    expect(textOf(fix)).toContain('javascript:alert(1)');
  });

  it('says when a scan is incomplete, and lists what was not evaluated by rule and reason', () => {
    const bare = scan(demoDocument().resources);
    const page = parse(renderHtml(bare));
    expect(textOf(byId(page, 'scan-state'))).toBe(`Scan INCOMPLETE — ${bare.summary.notEvaluated} not evaluated (see why)`);
    const groups = byTag(byId(page, 'not-evaluated-table'), 'tr').filter((row) => attr(row, 'data-count'));
    expect(groups.reduce((sum, row) => sum + Number(attr(row, 'data-count')), 0)).toBe(bare.notEvaluated.length);
  });

  it('writes untrusted text as text: no markup, no handlers, no control characters', () => {
    expect(markup).not.toMatch(/<img|<svg onload|<script>alert|<b onmouseover/i);
    expect(markup).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    for (const element of elements(document)) for (const { name } of element.attrs) expect(name).not.toMatch(/^on/);
    const resources = elements(document).filter((element) => attr(element, 'class') === 'resource-name').map(textOf);
    expect(resources.filter((name) => name === HOSTILE_NAME)).toHaveLength(result.findings.filter((finding) => finding.resourceName === HOSTILE_NAME).length);
    expect(resources).toContain(HOSTILE_NAME);
    const subscription = byTag(byId(document, 'filters'), 'option').find((option) => attr(option, 'value') === result.subscriptions[0]!.subscriptionId);
    expect(textOf(subscription!)).toBe('"><svg onload=alert(2)>');
  });

  it('is identical across runs, and says when there is nothing to show', () => {
    expect(renderHtml(full())).toBe(markup);
    // No subscriptions: the subscription-level rules (alerts, Defender plans) have nothing to find either.
    const empty = parse(renderHtml(scan({ ...demoDocument(), subscriptions: [], resources: [] })));
    expect(textOf(byId(empty, 'findings'))).toContain('No findings.');
    expect(() => byId(empty, 'filters')).toThrow();
  });
});

describe('HTML report in Chromium', () => {
  const browser = useChromium();
  const result = full();
  const file = writeTempHtml('azscan-report.html', renderHtml(result));
  afterAll(() => file.remove());

  let opened: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    opened = await openPage(browser(), file.url);
  });
  afterAll(() => opened.close());

  const visibleRows = () => opened.page.locator('tr.finding:visible');
  const countText = () => opened.page.locator('#filter-count').textContent();
  const total = result.findings.length;

  it('renders with no errors, no dialogs and no request but the file itself', async () => {
    const { page, record } = opened;
    expect(await page.title()).toBe(`azscan report — tenant ${result.source.tenantId}`);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    const headings = await page.locator('h2:visible').allTextContents();
    expect(headings).toEqual(['Summary', 'Findings', 'How to fix', 'Not evaluated', `Compliance: ${result.compliance!.title}`, 'Since the baseline', 'Suppressions']);
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true);
    await expect(page.locator('#compliance-table').isVisible()).resolves.toBe(true);
    expect(record).toEqual({ requests: [file.url], consoleErrors: [], pageErrors: [], dialogs: [] });
  });

  it('hides suppressed findings until asked, and counts what it shows', async () => {
    const { page } = opened;
    expect(await visibleRows().count()).toBe(total - 1);
    expect(await countText()).toBe(`Showing ${total - 1} of ${total} findings`);
    await page.locator('#filter-suppressed').check();
    expect(await visibleRows().count()).toBe(total);
    expect(await page.locator('tr.finding.suppressed').isVisible()).toBe(true);
    await page.locator('#filter-suppressed').uncheck();
    expect(await countText()).toBe(`Showing ${total - 1} of ${total} findings`);
  });

  it('filters by severity, then narrows by service', async () => {
    const { page } = opened;
    const critical = inForce(result).filter((finding) => finding.severity === 'critical');
    await page.selectOption('select[data-filter="severity"]', 'critical');
    expect(await visibleRows().count()).toBe(result.summary.findings.critical);
    expect(await countText()).toBe(`Showing ${critical.length} of ${total} findings`);
    expect(await page.locator('tr.finding:visible:not([data-severity="critical"])').count()).toBe(0);

    const criticalNsg = critical.filter((finding) => finding.service === 'nsg').length;
    expect(criticalNsg).toBeGreaterThan(0);
    expect(criticalNsg).toBeLessThan(critical.length);
    await page.selectOption('select[data-filter="service"]', 'nsg');
    expect(await visibleRows().count()).toBe(criticalNsg);
    expect(await countText()).toBe(`Showing ${criticalNsg} of ${total} findings`);

    await page.selectOption('select[data-filter="severity"]', '');
    await page.selectOption('select[data-filter="service"]', '');
    expect(await visibleRows().count()).toBe(total - 1);
  });

  it('filters by rule and subscription, and by text anywhere in a finding', async () => {
    const { page } = opened;
    await page.selectOption('select[data-filter="rule"]', 'AZ-MON-001');
    expect(await visibleRows().count()).toBe(inForce(result).filter((finding) => finding.ruleId === 'AZ-MON-001').length);
    await page.selectOption('select[data-filter="rule"]', '');
    await page.selectOption('select[data-filter="subscription"]', result.subscriptions[0]!.subscriptionId);
    expect(await visibleRows().count()).toBe(inForce(result).filter((finding) => finding.subscriptionId === result.subscriptions[0]!.subscriptionId).length);
    await page.selectOption('select[data-filter="subscription"]', '');

    const search = page.locator('#filter-text');
    await search.fill(result.findings[3]!.fingerprint);
    expect(await visibleRows().count()).toBe(1);
    await search.fill('SQL-CONTOSO-LEGACY');
    const shown = await visibleRows().allTextContents();
    expect(shown.length).toBeGreaterThan(1);
    for (const text of shown) expect(text.toLowerCase()).toContain('sql-contoso-legacy');
    const hidden = await page.locator('tr.finding:not(.suppressed):not(:visible)').allTextContents();
    for (const text of hidden) expect(text.toLowerCase()).not.toContain('sql-contoso-legacy');
    expect(await countText()).toBe(`Showing ${shown.length} of ${total} findings`);
    await search.fill('');
    expect(await visibleRows().count()).toBe(total - 1);
  });

  it('shows a hostile resource name as literal text and runs none of it', async () => {
    const { page, record } = opened;
    const rows = page.locator('tr.finding').filter({ has: page.locator('.resource-name').getByText(HOSTILE_NAME, { exact: true }) });
    expect(await rows.count()).toBe(result.findings.filter((finding) => finding.resourceName === HOSTILE_NAME).length);
    await expect(rows.first().isVisible()).resolves.toBe(true);
    await rows.first().locator('summary').click();
    await expect(rows.first().locator('details dd').first().isVisible()).resolves.toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(record.dialogs).toEqual([]);
    expect(record.pageErrors).toEqual([]);
  });

  it('at 800px nothing scrolls sideways and no element is wider than the screen, details open or closed', async () => {
    const medium = await openPage(browser(), file.url, { width: 800, height: 900 });
    try {
      // The tests are type-checked without the DOM library: the page is reached through its root element.
      const root = medium.page.locator('html');
      const overflow = () =>
        root.evaluate((html) => {
          const width = html.clientWidth;
          const outside = [...html.querySelectorAll('body *')]
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
            })
            .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}: ${element.textContent?.slice(0, 40)}`);
          return { page: html.scrollWidth, width, outside: outside.slice(0, 5) };
        });
      expect(await overflow()).toEqual({ page: 800, width: 800, outside: [] });
      await root.evaluate((html) => {
        for (const details of html.querySelectorAll('details')) details.setAttribute('open', '');
      });
      expect(await overflow()).toEqual({ page: 800, width: 800, outside: [] });
    } finally {
      await medium.close();
    }
  });

  it('prints the demo tenant on at most 12 A4 pages', async () => {
    const demo = writeTempHtml('demo.html', renderHtml(scan(demoDocument())));
    const printed = await openPage(browser(), demo.url);
    try {
      const pdf = (await printed.page.pdf({ format: 'A4' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
      expect(pages).toBeGreaterThan(1);
      expect(pages).toBeLessThanOrEqual(12);
    } finally {
      await printed.close();
      demo.remove();
    }
  });

  it('fits a 360px screen, the findings table scrolling in its own box', async () => {
    const narrow = await openPage(browser(), file.url, { width: 360, height: 740 });
    try {
      const pageWidth = await narrow.page.locator('html').evaluate((root) => root.scrollWidth);
      const wrap = await narrow.page.locator('#findings .table-wrap').evaluate((box) => ({ shown: box.clientWidth, content: box.scrollWidth }));
      expect(pageWidth).toBeLessThanOrEqual(360);
      expect(wrap.content).toBeGreaterThan(wrap.shown);
      await narrow.page.emulateMedia({ media: 'print' });
      await expect(narrow.page.locator('#filters').isVisible()).resolves.toBe(false);
      expect(narrow.record.consoleErrors).toEqual([]);
    } finally {
      await narrow.close();
    }
  });
});
