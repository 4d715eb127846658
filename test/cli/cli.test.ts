import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEMO, ROOT, runCli, runCliInTerminal } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-cli-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const demoDocument = () => JSON.parse(readFileSync(DEMO, 'utf8'));

/** A one-line error on stderr, exit 2, nothing on stdout and no stack trace. */
function expectOneLineError(run: ReturnType<typeof runCli>, message: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('azscan scan --snapshot', () => {
  it('prints the demo tenant\'s findings and exits 0 without --fail-on', () => {
    const run = runCli(['scan', '--snapshot', DEMO]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/AZ-NSG-002 {2}Elasticsearch or Kibana open to the internet/);
    expect(run.stdout).toMatch(/nsg-elastic\/allow-es-anywhere/);
    expect(run.stdout).toMatch(/Summary: 9 critical · 9 high · 52 medium · 21 low {2}\(91 findings\)/);
    expect(run.stdout).not.toMatch(/\u001b/);
  });

  it('exits 1 when a finding reaches --fail-on and 0 when none does', () => {
    expect(runCli(['scan', '--snapshot', DEMO, '--fail-on', 'critical']).status).toBe(1);
    expect(runCli(['scan', '--snapshot', DEMO, '--fail-on', 'high', '--rule', 'AZ-SQL-004', '--rule', 'storage-tls-below-1-2']).status).toBe(0);
    expect(runCli(['scan', '--snapshot', DEMO, '--fail-on', 'medium', '--rule', 'AZ-SQL-004']).status).toBe(1);
  });

  it('evaluates only the rules asked for, and only severities at or above --severity', () => {
    const json = (args: string[]) => JSON.parse(runCli(['scan', '--snapshot', DEMO, '--format', 'json', ...args]).stdout);
    expect(new Set(json(['--rule', 'AZ-STG-002']).findings.map((f: { ruleId: string }) => f.ruleId))).toEqual(new Set(['AZ-STG-002']));
    const critical = json(['--severity', 'critical']);
    // The critical rules, and the rules whose findings are raised to critical when the internet reaches them.
    expect(critical.rules.map((rule: { id: string }) => rule.id).sort()).toEqual(['AZ-MY-006', 'AZ-NET-001', 'AZ-NSG-001', 'AZ-NSG-002', 'AZ-NSG-003', 'AZ-NSG-004', 'AZ-NSG-005', 'AZ-PG-006', 'AZ-SQL-002', 'AZ-STG-002']);
    expect(critical.findings.every((f: { severity: string }) => f.severity === 'critical')).toBe(true);
  });

  it('writes JSON to --output and nothing to stdout', () => {
    const out = join(dir, 'report.json');
    const run = runCli(['scan', '--snapshot', DEMO, '--format', 'json', '--output', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.findings).toHaveLength(91);
  });

  it('exits 3 for a bare resource array, which carries no child resources, and 0 with --allow-partial', () => {
    const bare = file('bare.json', demoDocument().resources);
    const run = runCli(['scan', '--snapshot', bare]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/NOT EVALUATED/);
    expect(run.stdout).toMatch(/scan INCOMPLETE/);
    expect(runCli(['scan', '--snapshot', bare, '--allow-partial']).status).toBe(0);
    // Findings still fail the build even when the scan is incomplete.
    expect(runCli(['scan', '--snapshot', bare, '--fail-on', 'critical']).status).toBe(1);
  });

  it('exits 3 when the snapshot records a failed read a rule needed', () => {
    const document = demoDocument();
    document.errors = [
      { scope: `/subscriptions/${document.subscriptions[1].subscriptionId}`, resourceType: 'Microsoft.Devices/IotHubs', code: 'AuthorizationFailed', message: 'denied' },
    ];
    const run = runCli(['scan', '--snapshot', file('with-error.json', document), '--format', 'json']);
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.summary.complete).toBe(false);
    expect(report.notEvaluated.map((e: { ruleId: string }) => e.ruleId).sort()).toEqual(['AZ-IOT-001', 'AZ-IOT-002', 'AZ-IOT-003', 'AZ-MON-001']);
  });

  it('keeps escape sequences in resource names off the terminal', () => {
    const document = demoDocument();
    const hub = document.resources.find((r: { type: string }) => r.type === 'Microsoft.Devices/IotHubs');
    hub.name = 'iot\u001b]0;pwned\u0007\u001b[31mRED\u001b[0m';
    const run = runCli(['scan', '--snapshot', file('hostile.json', document), '--rule', 'AZ-IOT-001']);
    expect(run.stdout).toContain('iotRED');
    expect(run.stdout).not.toMatch(/\u001b|\u0007/);
  });
});

describe('colour', () => {
  it('is used on a terminal', () => {
    const run = runCliInTerminal(['scan', '--snapshot', DEMO, '--rule', 'AZ-NSG-002']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\u001b\[/);
  });

  it('is never used with NO_COLOR or --no-color, even on a terminal', () => {
    expect(runCliInTerminal(['scan', '--snapshot', DEMO, '--rule', 'AZ-NSG-002'], { NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    expect(runCliInTerminal(['scan', '--snapshot', DEMO, '--rule', 'AZ-NSG-002', '--no-color']).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('bad input: one line, exit 2', () => {
  it.each([
    ['a missing snapshot', ['scan', '--snapshot', 'no/such/file.json'], /no\/such\/file\.json: snapshot file not found/],
    ['an unknown flag', ['scan', '--snapshot', DEMO, '--formt', 'json'], /unknown option '--formt' \(Did you mean --format\?\)/],
    ['an unknown format', ['scan', '--snapshot', DEMO, '--format', 'xml'], /option '--format <name>' argument 'xml' is invalid/],
    ['an unknown severity', ['scan', '--snapshot', DEMO, '--fail-on', 'extreme'], /argument 'extreme' is invalid/],
    ['an unknown rule', ['scan', '--snapshot', DEMO, '--rule', 'AZ-NOPE-9'], /--rule: no rule 'AZ-NOPE-9'/],
    ['an unknown command', ['scna'], /unknown command 'scna'/],
    ['an unknown cloud', ['scan', '--cloud', 'AzureGermanCloud'], /argument 'AzureGermanCloud' is invalid/],
    ['an ARM endpoint that is not https', ['scan', '--arm-endpoint', 'http://127.0.0.1:1'], /--arm-endpoint: 'http:\/\/127\.0\.0\.1:1' must be an https:\/\/ URL/],
    ['a retry budget that is not a number', ['scan', '--retry-budget', 'lots'], /--retry-budget: 'lots' is not a whole number/],
    ['collect without --output', ['collect'], /required option '--output <path>' not specified/],
    ['an unknown rule to show', ['rules', 'show', 'AZ-NOPE-9'], /rules show: no rule 'AZ-NOPE-9'/],
  ])('%s', (_, args, message) => {
    expectOneLineError(runCli(args), message);
  });

  it('says where a snapshot stops being JSON', () => {
    expectOneLineError(runCli(['scan', '--snapshot', file('broken.json', '{"schemaVersion": 1,\n"resources": [\n  {"id": "x",}\n]}')]), /broken\.json: not valid JSON at line 3, column 14: expected a property name/);
  });

  it('rejects an unknown schemaVersion', () => {
    expectOneLineError(runCli(['scan', '--snapshot', file('v9.json', { schemaVersion: 9, resources: [] })]), /unsupported schemaVersion 9/);
  });

  it('reports an unwritable --output', () => {
    expectOneLineError(runCli(['scan', '--snapshot', DEMO, '--output', join(dir, 'missing-dir', 'r.txt')]), /--output .*r\.txt: the folder .*missing-dir does not exist$/m);
  });
});

describe('azscan rules', () => {
  it('lists the catalogue', () => {
    const run = runCli(['rules']);
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^AZ-[A-Z]+-\d{3} /gm)).toHaveLength(RULES.length);
  });

  it('lists it as JSON', () => {
    const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    expect(rules.map((rule: { id: string }) => rule.id)).toContain('AZ-MON-001');
    expect(rules[0]).not.toHaveProperty('check');
  });

  it('shows one rule with its documentation, by id or name', () => {
    const byId = runCli(['rules', 'show', 'az-nsg-002']);
    expect(byId.status).toBe(0);
    expect(byId.stdout).toMatch(/^AZ-NSG-002 {2}nsg-elasticsearch-open$/m);
    expect(byId.stdout).toMatch(/^RECOMMENDATION$/m);
    expect(runCli(['rules', 'show', 'nsg-elasticsearch-open']).stdout).toBe(byId.stdout);
  });
});

describe('azscan --version and --help', () => {
  it('prints the package version', () => {
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('documents every scan flag', () => {
    const run = runCli(['scan', '--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--snapshot', '--format', '--output', '--fail-on', '--severity', '--rule', '--allow-partial', '--quiet', '--verbose', '--no-color']) {
      expect(run.stdout).toContain(flag);
    }
  });
});
