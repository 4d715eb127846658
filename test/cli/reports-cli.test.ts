import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { BIN, DEMO, ROOT, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-reports-cli-'));
const path = (name: string) => join(dir, name);

describe('several reports from one scan', () => {
  it('writes each NAME=FILE and still prints the terminal report', () => {
    const formats = ['json', 'jsonl', 'sarif', 'junit', 'csv', 'markdown', 'html'];
    const run = runCli(['scan', '--snapshot', DEMO, ...formats.flatMap((format) => ['--output', `${format}=${path(`demo.${format}`)}`])]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Summary: 9 critical/m);
    for (const format of formats) expect(existsSync(path(`demo.${format}`)), format).toBe(true);
    expect(JSON.parse(readFileSync(path('demo.json'), 'utf8')).findings).toHaveLength(91);
    expect(JSON.parse(readFileSync(path('demo.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(path('demo.jsonl'), 'utf8').trimEnd().split('\n').at(-1)!).kind).toBe('summary');
    expect(readFileSync(path('demo.junit'), 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(path('demo.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('sends --format to a plain --output and nothing to stdout', () => {
    const run = runCli(['scan', '--snapshot', DEMO, '--format', 'markdown', '--output', path('only.md'), '--output', `csv=${path('also.csv')}`]);
    expect(run.stdout).toBe('');
    expect(readFileSync(path('only.md'), 'utf8')).toMatch(/^## azscan:/);
  });

  it.each([
    [['--output', 'a.txt', '--output', 'b.txt'], /--output: only one plain FILE may be given/],
    [['--output', `json=${join(dir, 'x.json')}`, '--output', `sarif=${join(dir, 'x.json')}`], /--output: .*x\.json is given twice/],
    [['--new-only'], /--new-only needs --baseline FILE/],
    [['--baseline', join(dir, 'no-such.json')], /--baseline .*no-such\.json: file not found/],
    [['--compliance', 'iso27001'], /argument 'iso27001' is invalid/],
  ])('rejects %j in one line', (args, message) => {
    const run = runCli(['scan', '--snapshot', DEMO, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
  });
});

describe('the table report on a terminal', () => {
  // Lines of more than one word: a single long word (an `az` argument) cannot be split.
  const longest = (text: string) => Math.max(...text.split(/\r?\n/).filter((line) => line.trim().replace(/ \\$/, '').includes(' ')).map((line) => line.length));

  it('wraps at the terminal\'s width, and at 80 columns when stdout is not a terminal', () => {
    // util-linux `script` gives the CLI a pseudo-terminal, sized by stty first.
    const command = `stty cols 132; '${process.execPath}' '${BIN}' scan --snapshot '${DEMO}'`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', TERM: 'xterm-256color' }, cwd: ROOT });
    expect(run.stdout).toMatch(/Summary: 9 critical/);
    expect(longest(run.stdout)).toBeGreaterThan(100);
    expect(longest(run.stdout)).toBeLessThanOrEqual(132);
    const piped = runCli(['scan', '--snapshot', DEMO]);
    expect(longest(piped.stdout)).toBeLessThanOrEqual(80);
  });
});

describe('config files', () => {
  const config = (name: string, text: string) => {
    writeFileSync(path(name), text);
    return path(name);
  };

  it('turns rules off, overrides severity, and suppresses with a reason', () => {
    const file = config(
      'azscan.config.yaml',
      [
        'rules:',
        '  AZ-MON-001: off',
        '  AZ-NSG-003:',
        '    severity: critical',
        'suppressions:',
        '  - rule: AZ-NSG-002',
        '    resource: "*/nsg-lab-debug/*"',
        '    reason: lab network, torn down nightly',
        '    expires: 2999-12-31',
      ].join('\n'),
    );
    const run = runCli(['scan', '--snapshot', DEMO, '--config', file, '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.rules.map((rule: { id: string }) => rule.id)).not.toContain('AZ-MON-001');
    expect(report.summary.suppressed).toBe(1);
    expect(report.findings.find((f: { suppressed?: unknown }) => f.suppressed)).toMatchObject({ ruleId: 'AZ-NSG-002', suppressed: { reason: 'lab network, torn down nightly', expires: '2999-12-31' } });
    expect(report.findings.filter((f: { ruleId: string; severity: string }) => f.ruleId === 'AZ-NSG-003').map((f: { severity: string }) => f.severity).sort()).toEqual(['critical', 'high', 'medium']);
    // The override sets the rule's severity; reachability still moves each finding from it: the
    // reachable 1883 rule stays critical, the lab NSG attached to nothing drops to high, and the
    // reachable 8883-only rule (low for that rule) is raised to medium.
  });

  it('is found in the working directory', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'azscan-cwd-'));
    writeFileSync(join(cwd, 'azscan.config.json'), JSON.stringify({ rules: { 'AZ-MON-001': 'off' } }));
    const report = JSON.parse(runCli(['scan', '--snapshot', DEMO, '--format', 'json'], { cwd }).stdout);
    expect(report.summary.rulesEvaluated).toBe(RULES.length - 2); // AZ-GOV-001 is off without allowedLocations
  });

  it('a suppressed finding does not fail the build, and an expired one does again', () => {
    const only = ['--rule', 'AZ-SQL-002', '--fail-on', 'critical'];
    const active = config('active.yaml', 'suppressions:\n  - rule: AZ-SQL-002\n    resource: "*/sql-contoso-legacy"\n    reason: migration in progress\n');
    expect(runCli(['scan', '--snapshot', DEMO, '--config', active, ...only]).status).toBe(0);
    const expired = config('expired.yaml', 'suppressions:\n  - rule: AZ-SQL-002\n    resource: "*/sql-contoso-legacy"\n    reason: migration in progress\n    expires: 2020-01-01\n');
    const run = runCli(['scan', '--snapshot', DEMO, '--config', expired, ...only]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/warning: .*expired\.yaml: suppressions\[0\]: suppression of AZ-SQL-002 on \*\/sql-contoso-legacy expired on 2020-01-01/);
  });

  it('warns about a suppression that matched nothing and about unknown keys', () => {
    const file = config('stale.yaml', 'colour: red\nsuppressions:\n  - rule: AZ-SQL-002\n    resource: "*/no-such-server"\n    reason: old\n');
    const run = runCli(['scan', '--snapshot', DEMO, '--config', file, '--rule', 'AZ-SQL-002']);
    expect(run.stderr).toMatch(/^azscan: warning: .*stale\.yaml: colour: unknown key, ignored$/m);
    expect(run.stderr).toMatch(/^azscan: warning: .*stale\.yaml: suppressions\[0\]: suppression of AZ-SQL-002 on \*\/no-such-server matched no finding/m);
  });

  it('rejects a bad config in one line, exit 2', () => {
    const file = config('bad.yaml', 'rules:\n  AZ-SQL-004:\n    severity: severe\n');
    const run = runCli(['scan', '--snapshot', DEMO, '--config', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^azscan: .*bad\.yaml: rules\.AZ-SQL-004\.severity: expected one of "critical", "high", "medium", "low", found "severe"\n$/);
  });
});

describe('baselines', () => {
  it('marks new findings, fails only on them with --new-only, and lists what was fixed', () => {
    const before = JSON.parse(runCli(['scan', '--snapshot', DEMO, '--format', 'json']).stdout);
    const elastic = before.findings.find((f: { ruleId: string }) => f.ruleId === 'AZ-NSG-002');
    before.findings = before.findings.filter((f: { fingerprint: string }) => f.fingerprint !== elastic.fingerprint);
    before.findings.push({ ...elastic, fingerprint: '0'.repeat(32), ruleId: 'AZ-STG-001', resourceId: `${elastic.resourceId.split('/providers/')[0]}/providers/Microsoft.Storage/storageAccounts/retired` });
    writeFileSync(path('before.json'), JSON.stringify(before));

    const run = runCli(['scan', '--snapshot', DEMO, '--baseline', path('before.json'), '--new-only', '--fail-on', 'critical']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^SINCE THE BASELINE/m);
    expect(run.stdout).toMatch(/1 new · 90 existing · 1 fixed/);
    expect(run.stdout).toMatch(/fixed: AZ-STG-001 .*retired/);
    const json = JSON.parse(runCli(['scan', '--snapshot', DEMO, '--baseline', path('before.json'), '--format', 'json']).stdout);
    expect(json.findings.filter((f: { baselineState: string }) => f.baselineState === 'new').map((f: { fingerprint: string }) => f.fingerprint)).toEqual([elastic.fingerprint]);

    writeFileSync(path('same.json'), runCli(['scan', '--snapshot', DEMO, '--format', 'json']).stdout);
    expect(runCli(['scan', '--snapshot', DEMO, '--baseline', path('same.json'), '--new-only', '--fail-on', 'low']).status).toBe(0);
  });
});

describe('compliance', () => {
  it('limits the scan to mapped rules and reports per control', () => {
    const run = runCli(['scan', '--snapshot', DEMO, '--compliance', 'cis-azure-3.0']);
    expect(run.stdout).toMatch(/^CIS MICROSOFT AZURE FOUNDATIONS BENCHMARK V3\.0\.0$/m);
    expect(run.stdout).toMatch(/^ {2}FAIL 5\.1\.5 Ensure that 'Data encryption' is set to 'On' on a SQL Database/m);
    const json = JSON.parse(runCli(['scan', '--snapshot', DEMO, '--compliance', 'mcsb', '--format', 'json']).stdout);
    expect(json.compliance.framework).toBe('mcsb');
    expect(json.rules.every((rule: { compliance: { mcsb: string[] } }) => rule.compliance.mcsb.length > 0)).toBe(true);
    expect(json.compliance.controls.find((c: { id: string }) => c.id === 'DP-4')).toMatchObject({ status: 'fail' });
  });
});
