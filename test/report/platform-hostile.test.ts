import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExposureReport, PlatformEndpoint } from '../../src/model/exposure.js';
import { renderExposureCsv } from '../../src/report/exposure/csv.js';
import { renderExposureHtml } from '../../src/report/exposure/html.js';
import { renderExposureJson } from '../../src/report/exposure/json.js';
import { renderExposureMarkdown } from '../../src/report/exposure/markdown.js';
import { renderExposureTable } from '../../src/report/exposure/table.js';
import { expectInertAndNarrow, openPage, useChromium, writeTempHtml } from './browser.js';

// What anyone who can name a resource, or write a host or rule into ARM, can put there.
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\\u009b31m';
const BIDI = '\u202egnp.exe';
const MARKUP = '<img src=x onerror=alert(1)>';
const MARKDOWN = '| **bold** `code` [link](http://evil.example)\n## heading';
const FORMULA = '=cmd|\' /C calc\'!A0';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
const ID = `${RG}/providers/Microsoft.Storage/storageAccounts/st${MARKUP}`;
const HOST = `${FORMULA}${ESCAPES}.blob.core.windows.net\r\n${MARKDOWN}`;
const NAME = `st-${ESCAPES}${BIDI}${MARKUP}${MARKDOWN}`;
const RANGE = `+${MARKUP}${ESCAPES}`;

const hostile: PlatformEndpoint = {
  resourceId: ID,
  resourceType: 'Microsoft.Storage/storageAccounts',
  name: NAME,
  service: `blob${MARKUP}`,
  host: HOST,
  hostPath: 'properties.primaryEndpoints.blob',
  ports: [22, 443],
  reachableBy: 'everyone',
  grants: [
    { kind: 'everyone', source: { resourceId: ID, path: 'properties.networkAcls.defaultAction', value: 'Allow' } },
    { kind: 'range', range: RANGE, addresses: 1, source: { resourceId: ID, path: 'properties.networkAcls.ipRules[0].value', value: RANGE } },
    { kind: 'virtualNetwork', subnetId: `${RG}/subnets/${MARKDOWN}`, source: { resourceId: ID, path: 'x', value: null } },
    { kind: 'privateEndpoint', id: `${RG}/privateEndpoints/@org/team${ESCAPES}`, source: { resourceId: ID, path: 'y', value: null } },
  ],
  auth: ['anonymous', 'keys', 'entra'],
};
const UNKNOWN = { id: `${RG}/providers/Microsoft.Sql/servers/-2+3${MARKUP}${ESCAPES}`, code: FORMULA, reason: `${MARKUP}${ESCAPES}${BIDI}${MARKDOWN}` };
const report: ExposureReport = {
  tool: { name: 'azscan', version: '0.0.0' },
  source: { kind: 'snapshot', path: 'estate.json' },
  endpoints: [],
  unknown: [],
  platformEndpoints: [hostile],
  platformUnknown: [UNKNOWN],
};

const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const OUR_COLOURS = /\u001b\[[0-9;]*m/g;

type Element = T.Element;
function elements(node: T.ParentNode): Element[] {
  return node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : []));
}

describe('hostile platform endpoints through every exposure format', () => {
  it('table: no escape sequence, control or bidi character reaches the terminal, and no forged line', () => {
    for (const color of [false, true]) {
      const table = renderExposureTable(report, { color, width: 100 });
      expect(table.replace(OUR_COLOURS, '')).not.toMatch(UNPRINTABLE);
      expect(table).not.toMatch(/^#+ heading/m);
      expect(table).toContain('Platform endpoints (1), 1 sensitive');
      expect(table).toContain('Platform endpoints not evaluated (1)');
    }
  });

  it('csv: every record has the 11 columns, and no cell starts a formula', () => {
    const records = parseCsv(renderExposureCsv(report)) as string[][];
    expect(records.map((record) => record.length)).toEqual([11, 11, 11]);
    expect(records.slice(1).map((record) => record[0])).toEqual(['platform', 'platform-unknown']);
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records[1]![1]).toMatch(/^'=cmd/);
    expect(records.flat().join('')).not.toMatch(UNPRINTABLE);
  });

  it('markdown: the tables keep their columns, and no markup, heading, link, mention or raw HTML gets in', () => {
    const markdown = renderExposureMarkdown(report);
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    const columns = (line: string) => line.replace(/\\\|/g, '').split('|').length - 2;
    expect(rows.map(columns)).toEqual([6, 6, 6, 3, 3, 3]);
    expect(markdown).not.toMatch(/<img|^#+ heading|\]\(http|@org/m);
    expect(markdown).not.toMatch(UNPRINTABLE);
  });

  it('html: text, never markup; nothing runs', () => {
    const markup = renderExposureHtml(report);
    const page = parseHtml(markup);
    expect(elements(page).filter((element) => ['img', 'script'].includes(element.tagName))).toEqual([]);
    expect(elements(page).flatMap((element) => element.attrs.map((attr) => attr.name)).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(markup).not.toMatch(UNPRINTABLE);
    expect(elements(page).filter((element) => element.tagName === 'tr' && element.attrs.some((attr) => attr.value.startsWith('platform-endpoint')))).toHaveLength(1);
  });

  it('json: the values as ARM gave them, every control and bidi character escaped', () => {
    const text = renderExposureJson(report);
    expect(text).not.toMatch(UNPRINTABLE);
    const json = JSON.parse(text);
    expect(json.platformEndpoints[0]).toMatchObject({ host: HOST, name: NAME, sensitive: true, grants: hostile.grants });
    expect(json.unknown).toEqual([UNKNOWN]);
  });

  it('cuts a 70,000-character host to 256 in every human format', () => {
    const long = { ...report, platformEndpoints: [{ ...hostile, host: 'h'.repeat(70_000) }] };
    for (const text of [renderExposureTable(long, { color: false, width: 300 }), renderExposureMarkdown(long), renderExposureHtml(long), renderExposureCsv(long)]) {
      expect(text).toContain(`${'h'.repeat(255)}…`);
      expect(text).not.toContain('h'.repeat(257));
    }
  });
});

describe('the exposure HTML page with platform endpoints, in Chromium', () => {
  const browser = useChromium();
  const long = { ...hostile, host: `${'x'.repeat(240)}.blob.core.windows.net`, name: `st${'y'.repeat(200)}` };
  const file = writeTempHtml('azscan-platform.html', renderExposureHtml({ ...report, platformEndpoints: [hostile, long] }));
  afterAll(() => file.remove());

  it('runs nothing from the names, fetches nothing, and needs no sideways scrolling at 800 px', async () => {
    const opened = await openPage(browser(), file.url, { width: 800, height: 900 });
    try {
      await expectInertAndNarrow(opened, file.url);
      expect(await opened.page.locator('#platform-endpoints-table tbody tr').count()).toBe(2);
      expect(await opened.page.locator('#platform-not-evaluated-table tbody tr').count()).toBe(1);
      expect(await opened.page.locator('#platform-endpoints-table tbody tr').first().locator('td').nth(4).textContent()).toContain(MARKUP);
    } finally {
      await opened.close();
    }
  });
});
