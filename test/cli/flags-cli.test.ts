import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-flags-'));

/** A one-line error on stderr, exit 2, nothing on stdout. */
function expectOneLineError(args: readonly string[], message: RegExp): void {
  // The kill is only for a broken build: /dev/zero never ends, a named pipe waits for a writer.
  const run = runCli(args, { killAfterMs: 60_000 });
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

const LIVE_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['--tenant', '00000000-0000-0000-0000-000000000001'],
  ['--subscription', '00000000-0000-0000-0000-000000000002'],
  ['--cloud', 'AzureUSGovernment'],
  ['--arm-endpoint', 'https://127.0.0.1:1'],
  ['--retry-budget', '5'],
  ['--max-wait', '5'],
  ['--timeout', '600'],
];

describe('live flags with --snapshot', () => {
  it.each(LIVE_FLAGS)('%s is refused: it would do nothing', (flag, value) => {
    const message = new RegExp(`^azscan: ${flag}: a flag for live scans, which does nothing with --snapshot`);
    expectOneLineError(['scan', '--snapshot', DEMO, flag, value], message);
    expectOneLineError(['exposure', '--snapshot', DEMO, flag, value], message);
  });

  it('names every one given', () => {
    expectOneLineError(['scan', '--snapshot', DEMO, '--max-wait', '5', '--cloud', 'AzurePublicCloud'], /^azscan: --cloud, --max-wait: flags for live scans, which do nothing with --snapshot/);
  });
});

describe('flag values are checked in every mode, before anything is read', () => {
  it.each([
    [['--retry-budget', 'abc'], /--retry-budget: 'abc' is not a whole number/],
    [['--max-wait', '-5'], /--max-wait: '-5' is not a whole number/],
    [['--timeout', '0'], /--timeout: '0' is not a positive number of seconds/],
    [['--timeout', 'soon'], /--timeout: 'soon' is not a positive number of seconds/],
    [['--timeout', '9999999'], /--timeout: '9999999' is more than 2147483 seconds/],
    [['--tenant', 'contoso/evil'], /--tenant: 'contoso\/evil' is not a tenant id or domain name/],
    [['--subscription', ' '], /--subscription: ' ' is empty/],
    [['--arm-endpoint', 'http://127.0.0.1:1'], /--arm-endpoint: 'http:\/\/127\.0\.0\.1:1' must be an https:\/\/ URL/],
  ])('%j', (flags, message) => {
    // With --snapshot, the value is wrong before it is out of place.
    expectOneLineError(['scan', '--snapshot', DEMO, ...flags], message);
    expectOneLineError(['exposure', '--snapshot', DEMO, ...flags], message);
    // Live: refused before any sign-in or request (no credential is set up here).
    expectOneLineError(['scan', ...flags], message);
    expectOneLineError(['collect', '--output', join(dir, 'never.json'), ...flags], message);
    expectOneLineError(['exposure', ...flags], message);
  });
});

describe('enum values are case-insensitive', () => {
  it('takes --format, --severity, --fail-on and --compliance in any case', () => {
    const run = runCli(['scan', '--snapshot', DEMO, '--format', 'JSON', '--severity', 'High', '--fail-on', 'CRITICAL', '--compliance', 'CIS-AZURE-3.0']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.compliance.framework).toBe('cis-azure-3.0');
    expect(report.findings.every((f: { severity: string }) => f.severity === 'critical' || f.severity === 'high')).toBe(true);
    expect(JSON.parse(runCli(['rules', '--format', 'Json']).stdout).length).toBeGreaterThan(0);
  });

  it('takes --cloud in any case', () => {
    // Accepted, so the error is the next flag's (and, with --snapshot, that --cloud is a live flag).
    expectOneLineError(['scan', '--cloud', 'azurechinacloud', '--retry-budget', 'x'], /--retry-budget: 'x' is not a whole number/);
    expectOneLineError(['collect', '--output', join(dir, 'never.json'), '--cloud', 'AZUREUSGOVERNMENT', '--timeout', 'x'], /--timeout: 'x'/);
    expectOneLineError(['scan', '--snapshot', DEMO, '--cloud', 'azurechinacloud'], /--cloud: a flag for live scans/);
  });

  it('still lists the choices, in --help and in the error', () => {
    const help = runCli(['scan', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--format <name> report format (jsonl: one JSON object per line, for ticketing pipelines) (choices: "table", "json", "jsonl", "sarif", "junit", "csv", "markdown", "html", default: "table")');
    expect(help).toContain('(choices: "AzurePublicCloud", "AzureUSGovernment", "AzureChinaCloud")');
    expectOneLineError(['scan', '--snapshot', DEMO, '--severity', 'severe'], /option '--severity <severity>' argument 'severe' is invalid\. Allowed choices are critical, high, medium, low\./);
    expectOneLineError(['collect', '--output', 'x', '--cloud', 'AzureGermanCloud'], /argument 'AzureGermanCloud' is invalid\. Allowed choices are AzurePublicCloud, AzureUSGovernment, AzureChinaCloud\./);
  });
});

describe('--timeout', () => {
  it('is offered by scan, collect and exposure', () => {
    for (const command of ['scan', 'collect', 'exposure']) expect(runCli([command, '--help']).stdout, command).toMatch(/--timeout <seconds>/);
  });
});

describe('--snapshot of something that is not a regular file', () => {
  it.each([
    ['/dev/zero', /\/dev\/zero: is a device, not a snapshot file/],
    [dir, /: is a directory, not a snapshot file/],
  ])('%s', (path, message) => {
    expectOneLineError(['scan', '--snapshot', path], message);
    expectOneLineError(['exposure', '--snapshot', path], message);
  });

  it('a named pipe, which is refused rather than waited on', () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = runCli(['scan', '--snapshot', fifo], { killAfterMs: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^azscan: .*pipe: is a named pipe, not a snapshot file\n$/);
  });
});
