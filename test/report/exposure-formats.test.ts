import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml, type DefaultTreeAdapterTypes as T } from 'parse5';
import { describe, expect, it } from 'vitest';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { exposureGraph } from '../../src/adapters/exposure/graph.js';
import type { Endpoint, ExposureReport } from '../../src/model/exposure.js';
import { PortSet } from '../../src/model/ports.js';
import { renderExposureCsv } from '../../src/report/exposure/csv.js';
import { renderExposureHtml } from '../../src/report/exposure/html.js';
import { renderExposureJson } from '../../src/report/exposure/json.js';
import { renderExposureMarkdown } from '../../src/report/exposure/markdown.js';
import { renderExposureTable } from '../../src/report/exposure/table.js';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo-tenant.json');
const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';

function demoReport(): ExposureReport {
  const inventory = inventoryFromSnapshot(JSON.parse(readFileSync(DEMO, 'utf8')), 'fixtures/demo-tenant.json');
  return { tool: { name: 'azscan', version: '0.0.0' }, source: inventory.source, ...exposureGraph(inventory).all(), platformEndpoints: [], platformUnknown: [] };
}

/** An endpoint on a VM behind a public IP, with no NSG; `ports` as the internet sees them. */
function endpoint(ports: PortSet, rest: Partial<Endpoint> = {}): Endpoint {
  const pip = `${SUBSCRIPTION}/providers/Microsoft.Network/publicIPAddresses/pip-1`;
  const vm = `${SUBSCRIPTION}/providers/Microsoft.Compute/virtualMachines/vm-1`;
  return {
    address: '20.0.0.1',
    protocol: 'tcp',
    ports,
    backendPorts: ports,
    frontendId: pip,
    workload: { kind: 'vm', id: vm, name: 'vm-1' },
    nsgIds: [],
    allowedBy: [],
    forwardedBy: [],
    path: [
      { kind: 'public-ip', id: pip, name: 'pip-1', detail: '20.0.0.1' },
      { kind: 'vm', id: vm, name: 'vm-1' },
    ],
    ...rest,
  };
}

const report = (endpoints: Endpoint[], unknown: ExposureReport['unknown'] = []): ExposureReport => ({
  tool: { name: 'azscan', version: '0.0.0' },
  source: { kind: 'snapshot', path: 'estate.json' },
  endpoints,
  unknown,
  platformEndpoints: [],
  platformUnknown: [],
});

const ports = (...numbers: number[]) => PortSet.of(numbers.map((port) => ({ from: port, to: port })));
const plain = { color: false, width: 80 };

interface JsonList {
  endpoints: Array<{ services: string[]; sensitive: boolean; sensitivePorts: Array<{ from: number; to: number }> }>;
  unknown: Array<{ id: string; code: string; reason: string }>;
}

type Element = T.Element;
function elements(node: T.ParentNode): Element[] {
  return node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : []));
}
function text(node: T.ParentNode): string {
  return node.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : 'childNodes' in child ? text(child) : '')).join('');
}
const byId = (root: T.ParentNode, id: string): Element | undefined => elements(root).find((element) => element.attrs.some((attr) => attr.name === 'id' && attr.value === id));

describe('the exposure formats: each port once, services in port order', () => {
  // Listed out of the sensitive table's order on purpose: Kibana's table comes before SQL Server's, and HTTP after both.
  const mixed = endpoint(ports(5601, 1433, 443, 80, 22, 8080));

  it('names the services in port order, in every format', () => {
    const order = ['SSH', 'HTTP', 'HTTPS', 'SQL Server', 'Kibana'];
    const json = JSON.parse(renderExposureJson(report([mixed]))) as JsonList;
    expect(json.endpoints[0]!.services).toEqual(['22 (SSH)', '80 (HTTP)', '443 (HTTPS)', '1433 (SQL Server)', '5601 (Kibana)']);
    const csv = parseCsv(renderExposureCsv(report([mixed])), { columns: true }) as Array<Record<string, string>>;
    expect(csv[0]!.services).toBe(order.join(', '));
    expect(renderExposureMarkdown(report([mixed]))).toContain(`| ${order.join(', ')} |`);
    const table = renderExposureTable(report([mixed]), { color: false, width: 200 });
    expect(table).toMatch(/^20\.0\.0\.1 +TCP +22!, 80, 443, 1433!, 5601!, 8080 +SSH, HTTP, HTTPS, SQL Server, Kibana +VM vm-1 +20\.0\.0\.1 \(pip-1\) → VM vm-1$/m);
  });

  it('lists each port once in the table: numbers in the ports column, names in the services column', () => {
    const table = renderExposureTable(report([mixed]), { color: false, width: 200 });
    for (const port of ['22', '80', '443', '1433', '5601', '8080']) expect(table.match(new RegExp(`\\b${port}\\b`, 'g'))).toHaveLength(1);
  });

  it('marks the sensitive ports with !, and a port range that holds one', () => {
    const range = endpoint(PortSet.of([{ from: 1000, to: 2000 }, { from: 8000, to: 8080 }]));
    const table = renderExposureTable(report([range]), { color: false, width: 200 });
    expect(table).toMatch(/ 1000-2000!, 8000-8080 +/);
    const json = JSON.parse(renderExposureJson(report([range]))) as JsonList;
    expect(json.endpoints[0]).toMatchObject({ sensitive: true, sensitivePorts: [{ from: 1433, to: 1434 }, { from: 1521, to: 1521 }, { from: 1883, to: 1883 }] });
  });

  it('shows a translated port once on each side, the workload\'s port marked', () => {
    const nat = endpoint(ports(50022), { backendPorts: ports(22) });
    expect(renderExposureTable(report([nat]), { color: false, width: 200 })).toMatch(/ 50022 → 22! +SSH +/);
    expect(renderExposureMarkdown(report([nat]))).toContain('| 50022 → **22!** | SSH |');
    expect(parseCsv(renderExposureCsv(report([nat])), { columns: true })[0]).toMatchObject({ ports: '50022 → 22', services: 'SSH', sensitive: 'yes' });
  });
});

describe('the exposure formats: UDP ports', () => {
  // The service names are TCP's: SSH is TCP 22, and nothing says UDP 22 is SSH.
  const udp = endpoint(ports(22, 1433), { protocol: 'udp' });

  it('are named by number only and never marked sensitive, the same in every format', () => {
    const json = JSON.parse(renderExposureJson(report([udp]))) as JsonList;
    expect(json.endpoints[0]).toMatchObject({ services: [], sensitive: false, sensitivePorts: [] });
    const table = renderExposureTable(report([udp]), { color: false, width: 200 });
    expect(table).toMatch(/^20\.0\.0\.1 +UDP +22, 1433 +— +VM vm-1 +/m);
    expect(table).not.toMatch(/SSH|SQL Server|!/);
    expect(parseCsv(renderExposureCsv(report([udp])), { columns: true })[0]).toMatchObject({ protocol: 'UDP', ports: '22, 1433', services: '', sensitive: 'no' });
    expect(renderExposureMarkdown(report([udp]))).toContain('| 20.0.0.1 | UDP | 22, 1433 | — |');
    expect(renderExposureHtml(report([udp]))).not.toMatch(/SSH|SQL Server|class="sensitive"/);
  });
});

describe('the exposure table on a terminal', () => {
  const visibleLines = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').split('\n');

  it.each([48, 64, 80, 100, 120, 160, 240])('fits %i columns', (width) => {
    const lines = visibleLines(renderExposureTable(demoReport(), { color: true, width }));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(width);
  });

  it('puts the way in under each row when it has too little room beside the rest, and in its column when it has', () => {
    const narrow = renderExposureTable(demoReport(), plain);
    expect(narrow).toMatch(/^ADDRESS +PROTO +PORTS +SERVICES +WORKLOAD\n {4}WAY IN\n20\.54\.120\.10 +TCP +9200!, 9300! /m);
    expect(narrow).toMatch(/^ {4}aci-kibana-debug \(20\.54\.120\.30, no NSG\)$/m);
    const wide = renderExposureTable(demoReport(), { color: false, width: 200 });
    expect(wide).toMatch(/^ADDRESS +PROTO +PORTS +SERVICES +WORKLOAD +WAY IN\n/m);
    expect(wide).toMatch(/^20\.54\.120\.30 +TCP +5601! +Kibana +container group aci-kibana-debug +aci-kibana-debug \(20\.54\.120\.30, no NSG\)$/m);
  });

  it('breaks a name too long for its column, cut to 256 characters', () => {
    const long = 'vm'.padEnd(400, 'x');
    const table = renderExposureTable(report([endpoint(ports(22), { workload: { kind: 'vm', id: 'x', name: long } })]), plain);
    expect(Math.max(...table.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(table.replace(/\s+/g, '')).toContain(`VM${long.slice(0, 255)}…`);
    expect(table).not.toContain(long.slice(0, 257));
  });

  it('marks sensitive ports with ! without colour, adds red with it, and explains ! in a legend', () => {
    const noColour = renderExposureTable(demoReport(), plain);
    expect(noColour).not.toMatch(/\u001b/);
    expect(noColour).toMatch(/^ {2}! a sensitive TCP port \(management, Elasticsearch or Kibana, MQTT, database or\n {2}cache: the ports AZ-NET-001 reports\)$/m);
    const colour = renderExposureTable(demoReport(), { color: true, width: 80 });
    expect(colour).toContain('\u001b[31m\u001b[1m5601!\u001b[22m\u001b[39m');
    expect(colour).toContain('\u001b[31mKibana\u001b[39m');
    // Nothing sensitive, nothing to explain.
    expect(renderExposureTable(report([endpoint(ports(80, 443))]), plain)).not.toMatch(/!|legend|sensitive/);
  });

  it('names at most six services of a wide range, and says how many more', () => {
    const table = renderExposureTable(report([endpoint(PortSet.of([{ from: 0, to: 65535 }]))]), { color: false, width: 240 });
    expect(table).toMatch(/ 0-65535! +SSH, HTTP, HTTPS, SQL Server, SQL Server Browser, \+18 more +VM vm-1 +/);
    expect(JSON.parse(renderExposureJson(report([endpoint(PortSet.of([{ from: 0, to: 65535 }]))]))).endpoints[0].services).toHaveLength(23);
  });
});

describe('the not-followed list, in every format', () => {
  const unknown = [{ id: `${SUBSCRIPTION}/providers/Microsoft.Network/publicIPAddresses/pip-2`, code: 'AuthorizationFailed', reason: 'Microsoft.Network/networkInterfaces nic-2: 403' }];
  const incomplete = report([endpoint(ports(22))], unknown);

  it('is kept, with the code and the reason', () => {
    expect(renderExposureTable(incomplete, plain)).toMatch(/^Not followed \(1\)\n\n {2}pip-2: AuthorizationFailed: Microsoft\.Network\/networkInterfaces nic-2: 403$/m);
    expect((JSON.parse(renderExposureJson(incomplete)) as JsonList).unknown).toEqual(unknown);
    const csv = parseCsv(renderExposureCsv(incomplete), { columns: true }) as Array<Record<string, string>>;
    expect(csv.map((row) => row.status)).toEqual(['reachable', 'not-followed']);
    expect(csv[1]).toMatchObject({ frontend_id: unknown[0]!.id, code: 'AuthorizationFailed', reason: unknown[0]!.reason, address: '' });
    const markdown = renderExposureMarkdown(incomplete);
    expect(markdown).toContain('⚠️ **Incomplete**: 1 public address not followed');
    expect(markdown).toMatch(/### Not followed \(1\)\n\n\| Public IP \| Code \| Reason \|\n\|---\|---\|---\|\n\| pip\\-2 \| AuthorizationFailed \| /);
    const page = parseHtml(renderExposureHtml(incomplete));
    expect(text(byId(page, 'list-state')!)).toMatch(/^INCOMPLETE — 1 public address not followed/);
    expect(text(byId(page, 'not-followed-table')!)).toContain('pip-2AuthorizationFailedMicrosoft.Network/networkInterfaces nic-2: 403');
  });

  it('keeps the Markdown under a comment\'s limit with thousands of endpoints, and still shows what was not followed', () => {
    const many = Array.from({ length: 3000 }, (_, i) => endpoint(ports(22), { address: `20.0.${Math.floor(i / 256)}.${i % 256}` }));
    const markdown = renderExposureMarkdown(report(many, unknown));
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toMatch(/…and \d+ more; the JSON, CSV and HTML formats list them all\./);
    expect(markdown).toContain('### Not followed (1)');
  });
});

describe('the exposure HTML page', () => {
  it('is a table with the six columns, sensitive ports marked, self-contained', () => {
    const markup = renderExposureHtml(demoReport());
    const page = parseHtml(markup);
    const table = byId(page, 'endpoints-table')!;
    expect(elements(table).filter((element) => element.tagName === 'th').map(text)).toEqual(['Address', 'Protocol', 'Ports', 'Services', 'Workload', 'Way in']);
    const rows = elements(table).filter((element) => element.tagName === 'tr' && element.attrs.some((attr) => attr.value.startsWith('endpoint')));
    expect(rows).toHaveLength(6);
    expect(elements(rows[0]!).filter((element) => element.tagName === 'td').map(text)).toEqual([
      '20.54.120.10',
      'TCP',
      '9200!, 9300!',
      'Elasticsearch HTTP, Elasticsearch transport',
      'VM vm-elastic-01',
      '20.54.120.10 (vm-elastic-01-pip) → vm-elastic-01-nic (10.20.1.4) → nsg-elastic allowed by allow-es-anywhere (priority 200) → VM vm-elastic-01',
    ]);
    expect(text(byId(page, 'legend')!)).toMatch(/^! a sensitive TCP port/);
    // No script, and nothing to fetch: every tag that could load something is absent.
    expect(elements(page).filter((element) => ['script', 'link', 'img', 'iframe', 'object'].includes(element.tagName))).toEqual([]);
    const policy = elements(page).find((element) => element.tagName === 'meta' && element.attrs.some((attr) => attr.value === 'Content-Security-Policy'));
    expect(policy?.attrs.find((attr) => attr.name === 'content')?.value).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
  });
});
