import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import type { Endpoint, ExposureReport } from '../../src/model/exposure.js';
import { PortSet } from '../../src/model/ports.js';
import { renderExposureCsv } from '../../src/report/exposure/csv.js';
import { renderExposureHtml } from '../../src/report/exposure/html.js';
import { renderExposureJson } from '../../src/report/exposure/json.js';
import { renderExposureMarkdown } from '../../src/report/exposure/markdown.js';
import { renderExposureTable } from '../../src/report/exposure/table.js';
import { escapeHtml } from '../../src/report/markup.js';
import { csvCell, escapeMarkdown } from '../../src/report/text.js';
import { expectInertAndNarrow, openPage, useChromium, writeTempHtml } from './browser.js';

// What anyone who can name a resource in the tenant can put in a name: terminal escapes (clear
// the screen, set the title, a hyperlink), a bidi override, markup, a formula, Markdown that
// would break a table or add a heading.
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\\u009b31m';
const BIDI = '\u202egnp.exe';
const MARKUP = '<img src=x onerror=alert(1)>';
const MARKDOWN = '| **bold** `code` [link](http://evil.example)\n## heading';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
const VM_NAME = `vm-${ESCAPES}${BIDI}${MARKUP}${MARKDOWN}`;
const PIP_NAME = `${MARKUP}${ESCAPES}`;
const NSG_NAME = `${MARKDOWN}${BIDI}`;
const ADDRESS = `${FORMULA}${ESCAPES}`;
const UNKNOWN = { id: `${SUBSCRIPTION}/providers/Microsoft.Network/publicIPAddresses/+cmd${MARKUP}${ESCAPES}`, code: FORMULA, reason: `${MARKUP}${ESCAPES}${BIDI}${MARKDOWN}` };

const pipId = `${SUBSCRIPTION}/providers/Microsoft.Network/publicIPAddresses/pip`;
const vmId = `${SUBSCRIPTION}/providers/Microsoft.Compute/virtualMachines/vm`;
const ports = PortSet.of([{ from: 22, to: 22 }]);
const hostile: Endpoint = {
  address: ADDRESS,
  protocol: 'tcp',
  ports,
  backendPorts: ports,
  frontendId: `-2+3${pipId}`,
  workload: { kind: 'vm', id: vmId, name: VM_NAME },
  nsgIds: [],
  allowedBy: [],
  forwardedBy: [],
  path: [
    { kind: 'public-ip', id: pipId, name: PIP_NAME, detail: ADDRESS },
    { kind: 'nic-nsg', id: `${SUBSCRIPTION}/nsg`, name: NSG_NAME, detail: `allowed by ${MARKUP} (priority 100)` },
    { kind: 'vm', id: vmId, name: VM_NAME },
  ],
};
const report: ExposureReport = { tool: { name: 'azscan', version: '0.0.0' }, source: { kind: 'snapshot', path: `estate${MARKUP}.json` }, endpoints: [hostile], unknown: [UNKNOWN], platformEndpoints: [], platformUnknown: [] };

// C0 controls but newline, DEL, C1 controls and the bidi embeddings, overrides, isolates and marks.
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const OUR_COLOURS = /\u001b\[[0-9;]*m/g;

type Element = T.Element;
function elements(node: T.ParentNode): Element[] {
  return node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : []));
}

describe('hostile names through every exposure format', () => {
  it('table: no escape sequence, control or bidi character reaches the terminal, coloured or not', () => {
    for (const color of [false, true]) {
      for (const width of [80, 200]) {
        const table = renderExposureTable(report, { color, width });
        expect(table.replace(OUR_COLOURS, '')).not.toMatch(UNPRINTABLE);
        // A newline in a name cannot forge a line of the report.
        expect(table).not.toMatch(/^#+ heading/m);
        expect(table).toContain('Not followed (1)');
      }
    }
  });

  it('csv: one record per endpoint and per address not followed, no cell a spreadsheet would run, each cell csvCell\'s', () => {
    const csv = renderExposureCsv(report);
    const records = parseCsv(csv, { relax_column_count: false }) as string[][];
    expect(records).toHaveLength(3);
    expect(records.every((record) => record.length === 11)).toBe(true);
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records[1]!.slice(0, 2)).toEqual(['reachable', expect.stringMatching(/^'=HYPERLINK/)]);
    expect(records[2]!.slice(0, 1)).toEqual(['not-followed']);
    // Whatever csvCell does to untrusted text, every untrusted cell went through it.
    for (const value of [ADDRESS, `VM ${VM_NAME}`, `-2+3${pipId}`, UNKNOWN.id, UNKNOWN.code, UNKNOWN.reason]) expect(csv).toContain(csvCell(value));
  });

  it('markdown: the tables keep their columns, and no markup, heading, link or raw HTML gets in', () => {
    const markdown = renderExposureMarkdown(report);
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    const columns = (line: string) => line.replace(/\\\|/g, '').split('|').length - 2;
    expect(rows.map(columns)).toEqual([6, 6, 6, 3, 3, 3]);
    expect(markdown).not.toMatch(/<img|^#+ heading|\]\(http/m);
    expect(markdown).not.toMatch(/\u001b/);
    for (const value of [`VM ${VM_NAME}`, ADDRESS, UNKNOWN.reason, UNKNOWN.code]) expect(markdown).toContain(escapeMarkdown(value));
  });

  it('html: names are text, never markup, and every one is escaped by the html tag', () => {
    const markup = renderExposureHtml(report);
    const page = parseHtml(markup);
    expect(elements(page).filter((element) => ['img', 'script', 'a'].includes(element.tagName)).map((element) => element.tagName)).toEqual(['a']);
    expect(elements(page).flatMap((element) => element.attrs.map((attr) => attr.name)).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(markup).not.toMatch(UNPRINTABLE);
    for (const value of [`VM ${VM_NAME}`, ADDRESS, UNKNOWN.reason]) expect(markup).toContain(escapeHtml(value));
  });

  it('json: the names as they are, every control character escaped by JSON', () => {
    const text = renderExposureJson(report);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const json = JSON.parse(text);
    expect(json.endpoints[0]).toMatchObject({ address: ADDRESS, workload: { name: VM_NAME } });
    expect(json.unknown).toEqual([UNKNOWN]);
  });

  it('cuts a 70,000-character name to 256 in every human format, so it swamps none', () => {
    const long = 'n'.repeat(70_000);
    const longReport: ExposureReport = { ...report, endpoints: [{ ...hostile, workload: { kind: 'vm', id: vmId, name: long } }] };
    const cut = `${'n'.repeat(255)}…`;
    expect(renderExposureTable(longReport, { color: false, width: 1000 })).toContain(`VM ${cut}`);
    expect(renderExposureMarkdown(longReport)).toContain(`VM ${cut}`);
    expect(renderExposureHtml(longReport)).toContain(`VM ${cut}`);
    expect(renderExposureCsv(longReport)).toContain(`VM ${cut}`);
    for (const text of [renderExposureTable(longReport, { color: false, width: 300 }), renderExposureMarkdown(longReport), renderExposureHtml(longReport), renderExposureCsv(longReport)]) {
      expect(text).not.toContain('n'.repeat(257));
    }
  });
});

describe('the exposure HTML page in Chromium', () => {
  const browser = useChromium();
  const long = `vm-${'x'.repeat(240)}`;
  const wide: ExposureReport = {
    ...report,
    endpoints: [hostile, { ...hostile, address: '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', workload: { kind: 'vm', id: vmId, name: long }, path: [{ kind: 'vm', id: vmId, name: long }] }],
  };
  const file = writeTempHtml('azscan-exposure.html', renderExposureHtml(wide));
  afterAll(() => file.remove());

  it('runs nothing from the names, fetches nothing, and needs no sideways scrolling at 800 px', async () => {
    const opened = await openPage(browser(), file.url, { width: 800, height: 900 });
    try {
      await expectInertAndNarrow(opened, file.url);
      expect(await opened.page.locator('#endpoints-table tbody tr').count()).toBe(2);
      expect(await opened.page.locator('#not-followed-table tbody tr').count()).toBe(1);
      // The markup in the name is shown as the text it is.
      expect(await opened.page.locator('#endpoints-table tbody tr').first().locator('td').nth(4).textContent()).toContain(MARKUP);
    } finally {
      await opened.close();
    }
  });
});
