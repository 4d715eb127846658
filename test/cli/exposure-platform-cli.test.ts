import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { platformReads } from '../../src/cli/exposure-command.js';
import { DEMO, ROOT, runCli } from './run-cli.js';

/*
 * Platform (PaaS) endpoints in `azscan exposure`, through the built CLI: the demo tenant's storage
 * accounts, SQL servers, key vaults, Event Hubs namespace, IoT hubs and Event Grid namespace.
 */

const dir = mkdtempSync(join(tmpdir(), 'azscan-platform-'));
const demo = () => JSON.parse(readFileSync(DEMO, 'utf8'));

interface PlatformJson {
  resourceId: string;
  resourceType: string;
  name: string;
  service: string;
  host: string;
  hostPath: string;
  ports: number[];
  reachableBy: string;
  sensitive: boolean;
  grants: Array<{ kind: string; range?: string; addresses?: number; source: { resourceId: string; path: string } }>;
  auth: string[];
}
interface ReportJson {
  endpoints: unknown[];
  platformEndpoints: PlatformJson[];
  unknown: Array<{ id: string; code: string; reason: string }>;
}

function write(name: string, document: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(document));
  return path;
}
function json(args: string[]): { status: number | null; report: ReportJson } {
  const run = runCli(['exposure', '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  return { status: run.status, report: JSON.parse(run.stdout) };
}
const nameOf = (id: string) => id.split('/').pop();

/** The demo with one change to one resource's JSON. */
function mutated(name: string, resourceName: string, change: (resource: Record<string, any>) => void): string {
  const document = demo();
  const resource = document.resources.find((candidate: { name: string }) => candidate.name === resourceName);
  if (!resource) throw new Error(`no resource ${resourceName} in the demo`);
  change(resource);
  return write(name, document);
}

describe('azscan exposure: platform endpoints', () => {
  it('lists them in the JSON beside the endpoints, sorted by host, with ports, reach, grants and auth', () => {
    const { status, report } = json(['--snapshot', DEMO]);
    expect(status).toBe(0);
    expect(report.unknown).toEqual([]);
    const hosts = report.platformEndpoints.map((endpoint) => endpoint.host);
    expect(hosts).toEqual([...hosts].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
    const sqlProd = report.platformEndpoints.find((endpoint) => endpoint.name === 'sql-contoso-prod')!;
    expect(sqlProd).toMatchObject({ host: 'sql-contoso-prod.database.windows.net', hostPath: 'properties.fullyQualifiedDomainName', ports: [1433], reachableBy: 'azure', sensitive: true, auth: ['entra'] });
    expect(sqlProd.grants.map((grant) => grant.kind)).toEqual(['azure', 'range']);
    expect(sqlProd.grants[1]).toMatchObject({ range: '203.0.113.0-203.0.113.255', addresses: 256 });
    expect(nameOf(sqlProd.grants[0]!.source.resourceId)).toBe('AllowAllWindowsAzureIps');
    const blob = report.platformEndpoints.find((endpoint) => endpoint.host === 'stcontosoexports.blob.core.windows.net')!;
    expect(blob).toMatchObject({ service: 'blob', ports: [443], reachableBy: 'everyone', sensitive: true, auth: ['anonymous', 'keys', 'entra'] });
    expect(report.platformEndpoints.find((endpoint) => endpoint.service === 'sftp')).toMatchObject({ host: 'stcontosolake.blob.core.windows.net', ports: [22], sensitive: true });
    expect(report.platformEndpoints.find((endpoint) => endpoint.service === 'iothub')).toMatchObject({ ports: [443, 5671, 8883], auth: ['keys', 'certificates', 'entra'] });
    // Disabled public network access: the staging hub and the production vault are not listed.
    expect(report.platformEndpoints.map((endpoint) => endpoint.name)).not.toContain('iot-contoso-staging');
    expect(report.platformEndpoints.map((endpoint) => endpoint.name)).not.toContain('kv-contoso-prod');
  });

  it('shows them in the table, the CSV, the Markdown and the HTML, sensitive ones marked', () => {
    const table = runCli(['exposure', '--snapshot', DEMO]).stdout;
    expect(table).toMatch(/^Platform endpoints \(11\), 7 sensitive$/m);
    expect(table).toMatch(/^ {2}sql-contoso-legacy\.database\.windows\.net · 1433! · reachable by everyone · auth$/m);
    expect(table).toMatch(/^ +! reachable by everyone or all of Azure on a sensitive port/m);

    const records = parseCsv(runCli(['exposure', '--snapshot', DEMO, '--format', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    const platform = records.filter((record) => record.status === 'platform');
    expect(platform).toHaveLength(11);
    expect(platform.find((record) => record.address === 'sql-contoso-prod.database.windows.net')).toMatchObject({
      protocol: 'tcp',
      ports: '1433',
      services: 'sql',
      sensitive: 'yes',
      workload: 'sql-contoso-prod',
      way_in: 'reachable by all of Azure; auth entra; grants all of Azure (AllowAllWindowsAzureIps), 203.0.113.0-203.0.113.255 (256 addresses) (ops-office)',
    });

    const markdown = runCli(['exposure', '--snapshot', DEMO, '--format', 'markdown']).stdout;
    expect(markdown).toMatch(/^## azscan exposure: 6 reachable from the internet, 5 with a sensitive port · 11 platform endpoints, 7 sensitive$/m);
    expect(markdown).toContain('### Platform endpoints (11)\n\n| Host | Ports | Reachable by | Auth | Resource | Grants |');
    expect(markdown).toContain('| sql\\-contoso\\-legacy.database.windows.net | **1433!** | everyone | keys |');

    const page = runCli(['exposure', '--snapshot', DEMO, '--format', 'html']).stdout;
    expect(page.match(/<tr class="platform-endpoint/g)).toHaveLength(11);
    expect(page).toContain('<h2 id="platform-endpoints-heading">Platform endpoints (11)</h2>');
    expect(page).toMatch(/data-reachable-by="azure"/);
  });

  it('--fail-on any counts a platform endpoint; --fail-on sensitive one reachable by everyone or Azure on a sensitive port or anonymously', () => {
    const onlyPlatform = (name: string, keep: (resource: { type: string; name: string }) => boolean) => {
      const document = demo();
      document.resources = document.resources.filter(keep);
      return write(name, document);
    };
    // Only the Event Hubs namespace: 443, 5671 and 9093 reachable by everyone, keys and Entra: not sensitive.
    const eventHubs = onlyPlatform('only-event-hubs', (resource) => resource.type.startsWith('Microsoft.EventHub/'));
    expect(runCli(['exposure', '--snapshot', eventHubs]).status).toBe(0);
    expect(runCli(['exposure', '--snapshot', eventHubs, '--fail-on', 'any']).status).toBe(1);
    expect(runCli(['exposure', '--snapshot', eventHubs, '--fail-on', 'sensitive']).status).toBe(0);
    // The legacy SQL server: 1433 reachable by everyone.
    const sql = onlyPlatform('only-legacy-sql', (resource) => resource.type.startsWith('Microsoft.Sql/') && (resource.name === 'sql-contoso-legacy' || resource.name === 'AllowAll'));
    expect(json(['--snapshot', sql]).report.platformEndpoints.map((endpoint) => endpoint.name)).toEqual(['sql-contoso-legacy']);
    expect(runCli(['exposure', '--snapshot', sql, '--fail-on', 'sensitive']).status).toBe(1);
    // The same server behind an office range only: listed, counted by any, not sensitive.
    const office = JSON.parse(readFileSync(sql, 'utf8'));
    for (const resource of office.resources) if (resource.name === 'AllowAll') resource.properties = { startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.15' };
    const officePath = write('only-office-sql', office);
    expect(json(['--snapshot', officePath]).report.platformEndpoints[0]).toMatchObject({ reachableBy: 'ranges', sensitive: false });
    expect(runCli(['exposure', '--snapshot', officePath, '--fail-on', 'sensitive']).status).toBe(0);
    expect(runCli(['exposure', '--snapshot', officePath, '--fail-on', 'any']).status).toBe(1);
    // An anonymous blob endpoint reachable by everyone, on 443 only.
    const anonymous = onlyPlatform('only-exports', (resource) => resource.type.startsWith('Microsoft.Storage/') && resource.name !== 'stcontosolake');
    const exports = json(['--snapshot', anonymous]).report.platformEndpoints;
    expect(exports.every((endpoint) => endpoint.name === 'stcontosoexports')).toBe(true);
    expect(runCli(['exposure', '--snapshot', anonymous, '--fail-on', 'sensitive']).status).toBe(1);
  });

  it('exits 3 when a platform endpoint is unknown, 0 with --allow-partial, 1 when --fail-on is met anyway', () => {
    const broken = mutated('broken-vault', 'kv-contoso-analytics', (vault) => {
      vault.properties.networkAcls.defaultAction = 42;
    });
    const { status, report } = json(['--snapshot', broken]);
    expect(status).toBe(3);
    expect(report.unknown).toEqual([{ id: expect.stringMatching(/kv-contoso-analytics$/), code: 'MalformedProperty', reason: 'kv-contoso-analytics: properties.networkAcls.defaultAction is 42, expected a string' }]);
    expect(runCli(['exposure', '--snapshot', broken, '--allow-partial']).status).toBe(0);
    expect(runCli(['exposure', '--snapshot', broken, '--fail-on', 'sensitive']).status).toBe(1);
    const table = runCli(['exposure', '--snapshot', broken]).stdout;
    expect(table).toMatch(/^Platform endpoints not evaluated \(1\)$/m);
    expect(runCli(['exposure', '--snapshot', broken, '--format', 'markdown']).stdout).toContain('⚠️ **Incomplete**: 1 platform resource or scope not evaluated');
    expect(runCli(['exposure', '--snapshot', broken, '--format', 'html']).stdout).toContain('id="platform-not-evaluated-table"');
    const csv = parseCsv(runCli(['exposure', '--snapshot', broken, '--format', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(csv.filter((record) => record.status === 'platform-unknown').map((record) => record.code)).toEqual(['MalformedProperty']);
  });

  it('names the subscription unknown when a snapshot did not read a platform type, and says which', () => {
    const document = demo();
    document.collected = document.collected.filter((type: string) => type !== 'Microsoft.KeyVault/vaults');
    document.resources = document.resources.filter((resource: { type: string }) => resource.type !== 'Microsoft.KeyVault/vaults');
    const { status, report } = json(['--snapshot', write('no-vaults', document)]);
    expect(status).toBe(3);
    expect(report.unknown.map((entry) => entry.code)).toEqual(document.subscriptions.map(() => 'NotCollected'));
    expect(report.unknown[0]!.reason).toContain('Microsoft.KeyVault/vaults');
  });
});

describe('an attacker who can set one resource\'s network setting to a malformed value', () => {
  // One malformed deciding setting per platform service in the demo.
  const ATTACKS: ReadonlyArray<[string, string, (resource: Record<string, any>) => void]> = [
    ['storage default action', 'stcontosoexports', (account) => void (account.properties.networkAcls = { defaultAction: ['Allow'] })],
    ['SQL firewall rule', 'AllowAllWindowsAzureIps', (rule) => void (rule.properties.startIpAddress = 'everyone')],
    ['Key Vault default action', 'kv-contoso-analytics', (vault) => void (vault.properties.networkAcls.defaultAction = { allow: true })],
    ['IoT Hub IP filter', 'iot-contoso-prod', (hub) => void (hub.properties.ipFilterRules = [{ filterName: 'x', action: 'Accept' }])],
    ['Event Grid inbound rule', 'evgns-contoso-devices', (namespace) => void (namespace.properties.inboundIpRules = [{ ipMask: 7 }])],
    ['Event Hubs public network access', 'evhns-contoso-telemetry', (namespace) => void (namespace.properties.publicNetworkAccess = false)],
  ];
  const baseline = json(['--snapshot', DEMO]).report;

  for (const [what, resourceName, change] of ATTACKS) {
    it(`${what}: only that resource's endpoints become unknown, and nothing else vanishes`, () => {
      const { status, report } = json(['--snapshot', mutated(`attack-${resourceName}`, resourceName, change)]);
      expect(status).toBe(3);
      expect(report.unknown).toHaveLength(1);
      const victim = report.unknown[0]!.id.toLowerCase();
      expect(report.unknown[0]!.code).toBe('MalformedProperty');
      // The SQL rule belongs to its server: the server is what becomes unknown.
      expect(baseline.platformEndpoints.some((endpoint) => endpoint.resourceId.toLowerCase() === victim)).toBe(true);
      expect(report.endpoints).toEqual(baseline.endpoints);
      expect(report.platformEndpoints).toEqual(baseline.platformEndpoints.filter((endpoint) => endpoint.resourceId.toLowerCase() !== victim));
    });
  }
});

describe('an estate without platform resources: the reports of before, byte for byte', () => {
  // fixtures/exposure/golden/*.out were written by the build before platform endpoints. The
  // estate is copied with every platform type marked read (as a live collection would), so
  // that it stays an estate that has none as sources are added; it keeps its relative path.
  const root = join(dir, 'golden-root');
  mkdirSync(join(root, 'fixtures', 'exposure', 'golden'), { recursive: true });
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  const GOLDEN_VERSION = '0.1.0';

  for (const estate of ['network-only', 'network-only-incomplete']) {
    const relative = `fixtures/exposure/golden/${estate}.json`;
    const document = JSON.parse(readFileSync(join(ROOT, relative), 'utf8'));
    document.collected = [...new Set([...document.collected, ...platformReads()])];
    writeFileSync(join(root, relative), JSON.stringify(document, null, 2));
    for (const format of ['table', 'json', 'csv', 'markdown', 'html']) {
      it(`${estate}, ${format}: identical${format === 'json' ? ' but for "platformEndpoints": []' : ''}`, () => {
        const run = runCli(['exposure', '--snapshot', relative, '--format', format], { cwd: root });
        expect(run.status).toBe(estate === 'network-only' ? 0 : 3);
        let golden = readFileSync(join(ROOT, 'fixtures', 'exposure', 'golden', `${estate}.${format}.out`), 'utf8').split(`azscan ${GOLDEN_VERSION}`).join(`azscan ${version}`);
        golden = golden.replace(`"version": "${GOLDEN_VERSION}"`, `"version": "${version}"`);
        if (format === 'json') golden = golden.replace(/\n {2}"unknown": /, '\n  "platformEndpoints": [],\n  "unknown": ');
        expect(run.stdout).toBe(golden);
      });
    }
  }
});
