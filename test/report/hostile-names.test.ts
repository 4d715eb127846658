import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import MarkdownIt from 'markdown-it';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { ScanResult } from '../../src/model/result.js';
import { scanInventory } from '../../src/engine/scan.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { REPORTERS, reportText } from '../../src/report/index.js';

/*
 * Names anyone who can create a resource in the tenant could choose, through every report.
 * Each part would do harm somewhere: escape sequences clear a terminal, set its title or
 * hide a link (OSC 8); C1 controls are 8-bit escapes; bidi overrides reorder what is read
 * (Trojan Source); `=` runs a formula in a spreadsheet; Markdown and HTML add links, images
 * and markup, `|` breaks a table, `@team` notifies people; a newline forges a report line.
 */
const HOSTILE =
  "=cmd|' /C calc'!A0" +
  '\u001b[2J' +
  '\u001b]0;owned\u0007' +
  '\u001b]8;;http:evil.example\u001b\\click\u001b]8;;\u001b\\' +
  '\u009b31m\u009d0;title\u009c\u0085' +
  '\u202eexe.txt\u2066' +
  " *b* _i_ [x](javascript:alert(1)) <img src=x onerror=alert(1)> a|b `` c ``` @team www.evil.example &amp; $(id) \"q\"\nCRITICAL (0)";
/** What a reader is shown of HOSTILE: everything printable, nothing else. */
const HOSTILE_SHOWN =
  "=cmd|' /C calc'!A0click exe.txt *b* _i_ [x](javascript:alert(1)) <img src=x onerror=alert(1)> a|b `` c ``` @team www.evil.example &amp; $(id) \"q\" CRITICAL (0)";
const HOSTILE_SUBSCRIPTION = '\u001b]0;sub\u0007contoso\u202e-prod <b>x</b> [y](z)';
const LONG = `long-${'n'.repeat(69_995)}`;
/** A name is cut to 256 characters, the last an ellipsis. */
const LONG_SHOWN = `long-${'n'.repeat(250)}…`;

const SUBSCRIPTION = '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a0f';
const GROUP = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-hostile`;
const storage = (name: string) => ({
  id: `${GROUP}/providers/Microsoft.Storage/storageAccounts/${name}`,
  name,
  type: 'Microsoft.Storage/storageAccounts',
  location: 'westeurope',
  properties: { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_0', supportsHttpsTrafficOnly: false, publicNetworkAccess: 'Enabled' },
});
const nsgId = `${GROUP}/providers/Microsoft.Network/networkSecurityGroups/nsg-hostile`;

function hostileScan(): ScanResult {
  const document = {
    schemaVersion: 1,
    tenantId: 'tenant-1',
    collectedAt: '2026-01-01T00:00:00Z',
    subscriptions: [{ subscriptionId: SUBSCRIPTION, displayName: HOSTILE_SUBSCRIPTION, state: 'Enabled' }],
    collected: ['Microsoft.Storage/storageAccounts', 'Microsoft.Network/networkSecurityGroups', 'Microsoft.Storage/storageAccounts/blobServices'],
    resources: [
      storage(HOSTILE),
      storage(LONG),
      {
        id: nsgId,
        name: 'nsg-hostile',
        type: 'Microsoft.Network/networkSecurityGroups',
        location: 'westeurope',
        properties: {
          securityRules: [
            {
              id: `${nsgId}/securityRules/${HOSTILE}`,
              name: HOSTILE,
              properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' },
            },
          ],
        },
      },
    ],
    errors: [{ scope: `/subscriptions/${SUBSCRIPTION}`, resourceType: 'Microsoft.Storage/storageAccounts/blobServices', code: 'AuthorizationFailed', message: `no access to ${HOSTILE}` }],
  };
  const rules = RULES.filter((rule) => rule.service === 'storage' || rule.service === 'nsg');
  return scanInventory(inventoryFromSnapshot(document, 'hostile.json'), { rules });
}

const result = hostileScan();
const render = (format: keyof typeof REPORTERS) => reportText(REPORTERS[format], result, { color: false, verbose: true });

// Escape, C0 controls but tab/newline/CR, DEL, C1 controls, bidi marks, embeddings, overrides and isolates.
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('hostile names through every report', () => {
  it('the scan has findings on every hostile resource, and text that could not be read', () => {
    const names = new Set(result.findings.map((finding) => finding.resourceName));
    expect(names).toContain(HOSTILE);
    expect(names).toContain(LONG);
    expect(names).toContain(`nsg-hostile/${HOSTILE}`);
    expect(result.notEvaluated.some((entry) => entry.reason.includes(HOSTILE))).toBe(true);
  });

  // SARIF, like JSON, keeps ids and evidence exactly as data (escaped); its message texts are checked below.
  it.each(['table', 'junit', 'csv', 'markdown', 'html'] as const)('%s: no escape sequence, control or bidi override, and names cut to 256 characters', (format) => {
    const text = render(format);
    expect(text).not.toMatch(UNSHOWABLE);
    expect(text).not.toContain('owned');
    expect(text).not.toContain('n'.repeat(251));
    expect(text.length).toBeLessThan(200_000);
  });

  it('json: keeps every value exactly, as valid JSON whose text shows no control or bidi character', () => {
    const text = render('json');
    expect(text).not.toMatch(UNSHOWABLE);
    const report = JSON.parse(text);
    const names = report.findings.map((finding: { resourceName: string }) => finding.resourceName);
    expect(names).toContain(HOSTILE);
    expect(names).toContain(LONG);
    expect(report.subscriptions[0].displayName).toBe(HOSTILE_SUBSCRIPTION);
    // A fix command fills what it can quote safely and knows: the group. The rule's name holds
    // a newline and escapes; and its `/` makes the id one that names no NSG rule.
    const nsgRule = report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'AZ-NSG-001');
    expect(nsgRule.remediation.az).toBe("az network nsg rule update --resource-group 'rg-hostile' --nsg-name <nsg> --name <rule> --source-address-prefixes <trusted-cidr>");
    const account = report.findings.find((finding: { ruleId: string; resourceName: string }) => finding.ruleId === 'AZ-STG-001' && finding.resourceName === HOSTILE);
    expect(account.remediation.az).toBe("az storage account update --resource-group 'rg-hostile' --name <account> --allow-blob-public-access false");
  });

  it('jsonl: one record a line, whatever the names hold, every value exact and the text showing no control or bidi character', () => {
    const text = render('jsonl');
    expect(text).not.toMatch(UNSHOWABLE);
    expect(text).not.toMatch(/[\r\u2028\u2029]/);
    expect(text.endsWith('\n')).toBe(true);
    const records = text.slice(0, -1).split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => record.kind)).toEqual([
      ...result.findings.map(() => 'finding'),
      ...result.notEvaluated.map(() => 'notEvaluated'),
      ...result.collectionErrors.map(() => 'collectionError'),
      'summary',
    ]);
    const names = records.filter((record) => record.kind === 'finding').map((record) => record.resourceName);
    expect(names).toContain(HOSTILE);
    expect(names).toContain(LONG);
    expect(records.at(-1).subscriptions[0].displayName).toBe(HOSTILE_SUBSCRIPTION);
    expect(records.find((record) => record.kind === 'collectionError').message).toBe(`no access to ${HOSTILE}`);
  });

  it('table: each name on its own line, as printable text', () => {
    const text = render('table');
    expect(text).toContain(HOSTILE_SHOWN.split(' ')[0]);
    expect(text).not.toMatch(/^CRITICAL \(0\)$/m);
    expect(text).toContain(LONG_SHOWN);
  });

  it('csv: one row per finding, names readable and never a formula', () => {
    const rows = parseCsv(render('csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(result.findings.length);
    const names = rows.map((row) => row.resource_name);
    expect(names).toContain(`'${HOSTILE_SHOWN}`);
    expect(names).toContain(`nsg-hostile/${HOSTILE_SHOWN}`);
    expect(names).toContain(LONG_SHOWN);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
  });

  describe('markdown, rendered as GitHub renders it', () => {
    const markdown = render('markdown');
    const page = parse(new MarkdownIt({ html: true, linkify: true }).render(markdown));

    it('adds no markup: no links, images or raw HTML but the report\'s own', () => {
      const tags = new Set(elements(page).map((element) => element.tagName));
      for (const tag of tags) expect(['html', 'head', 'body', 'h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'strong', 'em', 'ul', 'li', 'details', 'summary'], tag).toContain(tag);
      expect(tags).not.toContain('a');
      expect(tags).not.toContain('img');
      // Emphasis is the report's own (the incomplete warning), never from a name.
      for (const element of elements(page).filter((e) => e.tagName === 'em' || e.tagName === 'strong')) expect(textOf(element)).not.toMatch(/^(b|i)$/);
    });

    it('shows each name exactly, in a code span, one row per finding of four cells', () => {
      const table = elements(page).filter((element) => element.tagName === 'table')[1]!;
      const rows = elements(table).filter((element) => element.tagName === 'tr').slice(1);
      expect(rows).toHaveLength(result.findings.length);
      for (const row of rows) expect(elements(row).filter((element) => element.tagName === 'td')).toHaveLength(4);
      const codes = elements(table).filter((element) => element.tagName === 'code').map(textOf);
      expect(codes).toContain(HOSTILE_SHOWN);
      expect(codes).toContain(`nsg-hostile/${HOSTILE_SHOWN}`);
      expect(codes).toContain(LONG_SHOWN);
      // The message quotes the name: shown as text, its Markdown inert (and its mention broken up).
      const messages = rows.map((row) => textOf(elements(row).filter((element) => element.tagName === 'td')[3]!));
      expect(messages.some((message) => message.includes(HOSTILE_SHOWN.replace('@', '@\u200b')))).toBe(true);
      expect(messages.some((message) => message.includes(LONG_SHOWN))).toBe(true);
    });

    it('names nobody: outside code spans, an @-mention in a name is broken up', () => {
      const texts = (node: T.ParentNode): string[] =>
        node.childNodes.flatMap((child) => (child.nodeName === '#text' ? [(child as T.TextNode).value] : 'tagName' in child && child.tagName !== 'code' ? texts(child) : []));
      const outside = texts(page).join('');
      expect(outside).toContain('@\u200bteam');
      expect(outside).not.toMatch(/@team/);
    });
  });

  it('sarif: valid 2.1.0, message text sanitised with its brackets escaped, ids exact', () => {
    const text = render('sarif');
    expect(text).not.toMatch(UNSHOWABLE);
    const log = JSON.parse(text);
    const ajv = new Ajv({ strict: false, allErrors: true });
    (formats as unknown as { default: (ajv: Ajv) => void }).default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, 'sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    const texts: string[] = [...run.results.map((r: { message: { text: string } }) => r.message.text), ...run.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)];
    for (const text of texts) {
      // An unescaped bracket could start an embedded link: `[x](1)`.
      expect(text).not.toMatch(/(^|[^\\])[[\]]/);
      expect(text.length).toBeLessThan(3000);
    }
    const hostile = run.results.find((r: { locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string }> }> }) =>
      r.locations[0]!.logicalLocations[0]!.fullyQualifiedName.endsWith(`storageAccounts/${HOSTILE}`),
    );
    expect(hostile.locations[0].logicalLocations[0].name).toBe(HOSTILE_SHOWN);
    for (const text of texts) expect(text).not.toMatch(UNSHOWABLE);
    expect(texts.join('\n')).not.toContain('owned');
    expect(texts.join('\n')).not.toContain('n'.repeat(251));
    expect(hostile.message.text).toContain(HOSTILE_SHOWN.replace(/[[\]]/g, (bracket) => `\\${bracket}`));
  });

  it('junit: well-formed XML, names as text', () => {
    const text = render('junit');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(text);
    const cases = (xml.testsuites.testsuite as Array<{ testcase: Array<{ name: string; failure?: { message: string } }> }>).flatMap((suite) => suite.testcase);
    expect(cases.some((c) => c.name.endsWith(`storageAccounts/${HOSTILE_SHOWN}`))).toBe(true);
    expect(cases.some((c) => c.name.endsWith(`storageAccounts/${LONG_SHOWN}`))).toBe(true);
    expect(cases.some((c) => c.failure?.message.includes(HOSTILE_SHOWN))).toBe(true);
  });

  it('html: names as literal text, no markup from them', () => {
    const document = parse(render('html'));
    const tags = elements(document).map((element) => element.tagName);
    expect(tags).not.toContain('img');
    expect(tags.filter((tag) => tag === 'b')).toHaveLength(0);
    const names = elements(document).filter((element) => element.attrs.some((a) => a.name === 'class' && a.value === 'resource-name')).map(textOf);
    expect(names).toContain(HOSTILE_SHOWN);
    expect(names).toContain(LONG_SHOWN);
    expect(names).toContain(`nsg-hostile/${HOSTILE_SHOWN}`);
  });
});

function elements(node: T.ParentNode): T.Element[] {
  const found: T.Element[] = [];
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    found.push(child, ...elements(child));
  }
  return found;
}

function textOf(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
