/**
 * `azscan collect --plan`: the reads the selected rules cause, printed as a table or JSON,
 * with the rule selection of `collect`, without signing in or sending a request.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { planCollection, type PlannedRead } from '../../src/collect/plan.js';
import { selectRules } from '../../src/engine/select.js';
import type { FakeArm } from '../fake-arm/server.js';
import { runLive, startDemoArm, SUPPORT } from '../collect/live-cli.js';
import { BIN, ROOT, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-plan-'));

interface Plan {
  rules: string[];
  reads: PlannedRead[];
}

function planJson(args: readonly string[] = []): Plan {
  const run = runCli(['collect', '--plan', '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Plan;
}

function expectOneLineError(run: { status: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

const SQL_001_READS: PlannedRead[] = [
  { resourceType: 'Microsoft.Resources/subscriptions', made: 'once', path: '/subscriptions', apiVersion: '2022-12-01' },
  { resourceType: 'Microsoft.Sql/servers', made: 'perSubscription', path: '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers', apiVersion: '2022-08-01-preview' },
  { resourceType: 'Microsoft.Sql/servers/databases', made: 'perResource', parentType: 'Microsoft.Sql/servers', path: '{serverId}/databases', apiVersion: '2022-08-01-preview' },
  {
    resourceType: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
    made: 'perResource',
    parentType: 'Microsoft.Sql/servers/databases',
    path: '{databaseId}/transparentDataEncryption/current',
    apiVersion: '2022-08-01-preview',
  },
];

/** With Resource Graph, the servers' list per subscription is one query instead; their databases and TDE stay on ARM. */
const SQL_001_GRAPH = {
  usedWhen: '--inventory resource-graph, or --inventory auto (the default) with more than 50 subscriptions',
  method: 'POST',
  path: '/providers/Microsoft.ResourceGraph/resources',
  apiVersion: '2022-10-01',
  subscriptionsPerQuery: 100,
  rowsPerPage: 1000,
  types: ['Microsoft.Sql/servers'],
  query: "Resources | where type in~ ('microsoft.sql/servers') | project id, name, type, location, kind, sku, tags, properties, identity, zones, managedBy, plan, extendedLocation | order by id asc",
};

describe('azscan collect --plan', () => {
  it('prints the SQL reads alone for --rule AZ-SQL-001, as a table', () => {
    const run = runCli(['collect', '--plan', '--rule', 'AZ-SQL-001']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'TYPE                                                       API VERSION         MADE',
        'Microsoft.Resources/subscriptions                          2022-12-01          once',
        '    GET /subscriptions',
        'Microsoft.Sql/servers                                      2022-08-01-preview  per subscription',
        '    GET /subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers',
        'Microsoft.Sql/servers/databases                            2022-08-01-preview  per Microsoft.Sql/servers',
        '    GET {serverId}/databases',
        'Microsoft.Sql/servers/databases/transparentDataEncryption  2022-08-01-preview  per Microsoft.Sql/servers/databases',
        '    GET {databaseId}/transparentDataEncryption/current',
        '',
        '4 reads for 1 rule: 1 made once, 1 once per subscription, 2 once per resource of',
        'the type under MADE. Nothing was read: --plan signs in to nothing and sends no',
        'request.',
        '',
        'With --inventory resource-graph, or --inventory auto (the default) with more',
        'than 50 subscriptions, the once-per-subscription lists of 1 of these types',
        '(Microsoft.Sql/servers) are replaced by one Resource Graph query per 100',
        'subscriptions, 1000 rows a page; the reads below them stay as listed:',
        '    POST /providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01',
        "    Resources | where type in~ ('microsoft.sql/servers') | project id, name, type, location, kind, sku, tags, properties, identity, zones, managedBy, plan, extendedLocation | order by id asc",
        '',
      ].join('\n'),
    );
    // The README shows this very output.
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`$ azscan collect --plan --rule AZ-SQL-001\n${run.stdout}`);
  });

  it('prints the SQL reads alone for --rule AZ-SQL-001, as JSON', () => {
    expect(planJson(['--rule', 'AZ-SQL-001'])).toEqual({ rules: ['AZ-SQL-001'], reads: SQL_001_READS, resourceGraph: SQL_001_GRAPH });
    // By name as well as by id, as for collect.
    expect(planJson(['--rule', 'sql-tde-disabled']).reads).toEqual(SQL_001_READS);
  });

  it('prints the whole catalogue\'s reads as JSON: the plan a collection makes, subscription list and diagnostic settings included', () => {
    const plan = planJson();
    // AZ-GOV-001 runs only with allowed locations in the config, as for collect.
    const catalogue = RULES.filter((rule) => rule.id !== 'AZ-GOV-001');
    expect(plan.rules).toEqual(selectRules(catalogue, {}).map((rule) => rule.id));
    expect(plan.reads).toEqual(planCollection(selectRules(catalogue, {})).reads);
    expect(plan.reads[0]).toEqual(SQL_001_READS[0]);
    expect(plan.reads).toContainEqual({
      resourceType: 'Microsoft.Network/networkSecurityGroups',
      made: 'perSubscription',
      path: '/subscriptions/{subscriptionId}/providers/Microsoft.Network/networkSecurityGroups',
      apiVersion: '2025-05-01',
    });
    expect(plan.reads).toContainEqual({
      resourceType: 'Microsoft.Storage/storageAccounts/blobServices/containers',
      made: 'perResource',
      parentType: 'Microsoft.Storage/storageAccounts',
      path: '{storageAccountId}/blobServices/default/containers',
      apiVersion: '2025-06-01',
      only: 'accounts with a blob service, not FileStorage',
    });
    expect(plan.reads).toContainEqual({
      resourceType: 'Microsoft.Network/networkInterfaces',
      made: 'perResource',
      parentType: 'Microsoft.Compute/virtualMachineScaleSets',
      path: '{virtualMachineScaleSetId}/networkInterfaces',
      apiVersion: '2018-10-01',
      only: 'Uniform scale sets',
    });
    const diagnostics = plan.reads.filter((read) => read.resourceType === 'Microsoft.Insights/diagnosticSettings');
    expect(diagnostics.map((read) => [read.made, read.parentType ?? '', read.path])).toEqual([
      ['perSubscription', '', '/subscriptions/{subscriptionId}/providers/Microsoft.Insights/diagnosticSettings'],
      ['perResource', 'Microsoft.Network/networkSecurityGroups', '{networkSecurityGroupId}/providers/Microsoft.Insights/diagnosticSettings'],
      ['perResource', 'Microsoft.Sql/servers/databases', '{databaseId}/providers/Microsoft.Insights/diagnosticSettings'],
      ['perResource', 'Microsoft.Storage/storageAccounts', '{storageAccountId}/blobServices/default/providers/Microsoft.Insights/diagnosticSettings'],
      ['perResource', 'Microsoft.Devices/IotHubs', '{iotHubId}/providers/Microsoft.Insights/diagnosticSettings'],
      ['perResource', 'Microsoft.KeyVault/vaults', '{vaultId}/providers/Microsoft.Insights/diagnosticSettings'],
      ['perResource', 'Microsoft.EventHub/namespaces', '{namespaceId}/providers/Microsoft.Insights/diagnosticSettings'],
    ]);
    expect(new Set(diagnostics.map((read) => read.apiVersion))).toEqual(new Set(['2017-05-01-preview']));
    for (const read of plan.reads) {
      expect(read.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
      expect(read.parentType !== undefined, JSON.stringify(read)).toBe(read.made === 'perResource');
    }
  });

  it('prints the whole catalogue\'s reads as a table: each read\'s type, api-version and how often, with its path below', () => {
    const run = runCli(['collect', '--plan']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const reads = planJson().reads;
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^TYPE +API VERSION +MADE$/);
    const rows = lines.slice(1, 1 + 2 * reads.length);
    reads.forEach((read, i) => {
      const made = read.made === 'once' ? 'once' : read.made === 'perSubscription' ? 'per subscription' : `per ${read.parentType}`;
      expect(rows[2 * i]!.split(/ {2,}/)).toEqual([read.resourceType, read.apiVersion, made]);
      expect(rows[2 * i + 1]).toBe(`    GET ${read.path}${read.only ? `  (only for ${read.only})` : ''}`);
    });
    expect(lines[1 + 2 * reads.length]).toBe('');
    const perSubscription = reads.filter((read) => read.made === 'perSubscription').length;
    expect(lines.slice(2 + 2 * reads.length).join(' ')).toMatch(
      new RegExp(`^${reads.length} reads for ${RULES.length - 1} rules: 1 made once, ${perSubscription} once per subscription, ${reads.length - 1 - perSubscription} once per resource`),
    );
  });

  it('selects rules as collect does: --severity, --compliance and the config file', { timeout: 120_000 }, () => {
    const all = planJson();
    const high = planJson(['--severity', 'high']);
    expect(high.rules.length).toBeLessThan(all.rules.length);
    expect(high.rules).toEqual(selectRules(RULES, { minSeverity: 'high' }).map((rule) => rule.id).filter((id) => id !== 'AZ-GOV-001'));
    const cis = planJson(['--compliance', 'cis-azure-3.0']);
    expect(cis.rules).toEqual(selectRules(RULES, { compliance: 'cis-azure-3.0' }).map((rule) => rule.id).filter((id) => id !== 'AZ-GOV-001'));

    const config = join(dir, 'azscan.config.yaml');
    writeFileSync(config, 'allowedLocations: [westeurope]\nrules:\n  AZ-MON-001: off\n');
    const configured = planJson(['--config', config]);
    expect(configured.rules).toContain('AZ-GOV-001');
    expect(configured.rules).not.toContain('AZ-MON-001');
    // AZ-GOV-001 looks at every type listed per subscription.
    expect(configured.reads.filter((read) => read.made === 'perSubscription').length).toBeGreaterThanOrEqual(all.reads.filter((read) => read.made === 'perSubscription').length);
    // The diagnostic settings only AZ-MON-001 reads are no longer planned.
    expect(configured.reads.map((read) => read.path)).not.toContain('{iotHubId}/providers/Microsoft.Insights/diagnosticSettings');
  });

  const output = join(dir, 'snapshot.json');
  it.each([
    ['an unknown format', ['--plan', '--format', 'xml'], /option '--format <name>' argument 'xml' is invalid/],
    ['an unknown rule', ['--plan', '--rule', 'AZ-NOPE-9'], /--rule: no rule 'AZ-NOPE-9'/],
    ['an unknown severity', ['--plan', '--severity', 'extreme'], /argument 'extreme' is invalid/],
    ['an unknown framework', ['--plan', '--compliance', 'iso27001'], /argument 'iso27001' is invalid/],
    ['a rule that needs config it lacks', ['--plan', '--rule', 'AZ-GOV-001'], /--rule AZ-GOV-001: AZ-GOV-001 needs the allowed locations/],
    ['a missing config file', ['--plan', '--config', join(dir, 'missing.yaml')], /missing\.yaml/],
    // The live flags are checked as for the collection planned, though they do not change its reads.
    ['an ARM endpoint that is not https', ['--plan', '--arm-endpoint', 'http://127.0.0.1:1'], /--arm-endpoint: 'http:\/\/127\.0\.0\.1:1' must be an https:\/\/ URL/],
    ['a retry budget that is not a number', ['--plan', '--retry-budget', 'lots'], /--retry-budget: 'lots' is not a whole number/],
    // No snapshot is written: --output with --plan is a mistake, not a file quietly left unwritten.
    ['--output with --plan', ['--plan', '--output', output], /--output: --plan writes no snapshot/],
    // --format is --plan's; a snapshot is always JSON.
    ['--format without --plan', ['--output', output, '--format', 'json'], /--format: chooses how --plan prints the reads/],
    ['neither --output nor --plan', [], /required option '--output <path>' not specified/],
  ])('refuses %s in one line, exit 2', (_, args, message) => {
    expectOneLineError(runCli(['collect', ...args]), message);
    expect(existsSync(output)).toBe(false);
  });
});

describe('azscan collect --plan signs in to nothing and sends nothing', () => {
  let arm: FakeArm;
  beforeAll(async () => {
    arm = await startDemoArm();
  });
  afterAll(() => arm.close());

  it('needs no credential, no token and no reachable ARM, and loads no Azure SDK', () => {
    // No AZURE_* variable (no token, no service principal), no Azure CLI on the PATH, an empty home.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AZURE_|IDENTITY_|MSI_)/.test(name)));
    const trace = join(dir, 'plan.imports');
    // 192.0.2.1 (TEST-NET-1) answers nobody: a request would hang until killed, or fail.
    const args = ['collect', '--plan', '--arm-endpoint', 'https://192.0.2.1:9', '--subscription', 'contoso-iot-prod', '--rule', 'AZ-SQL-001'];
    const run = spawnSync(process.execPath, ['--import', join(SUPPORT, 'trace-azure-imports.mjs'), BIN, ...args], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...env, NO_COLOR: '', AZSCAN_TRACE_IMPORTS: trace, HOME: dir, PATH: '/nonexistent' },
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('GET {databaseId}/transparentDataEncryption/current');
    expect(existsSync(trace) ? readFileSync(trace, 'utf8') : '').toBe('');
  });

  it('makes no request of an ARM server that a collection with the same flags would read', async () => {
    const planned = await runLive(arm, ['collect', '--plan']);
    expect(planned.stderr).toBe('');
    expect(planned.status).toBe(0);
    expect(planned.stdout).toContain('GET /subscriptions/{subscriptionId}/providers/Microsoft.Network/networkSecurityGroups');
    const json = await runLive(arm, ['collect', '--plan', '--format', 'json', '--rule', 'AZ-SQL-001']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).reads).toEqual(SQL_001_READS);
    expect(arm.requests).toEqual([]);
    // The same server does answer a collection: the zero above is --plan's.
    const output = join(dir, 'collected.json');
    expect((await runLive(arm, ['collect', '--output', output, '--rule', 'AZ-SQL-001'])).status).toBe(0);
    expect(arm.requests.length).toBeGreaterThan(0);
  });
});
