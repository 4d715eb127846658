/** `--format jsonl` as a user runs it: a record a line on stdout or in a file, and the exit code of `--format json`. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DEMO, ROOT, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-jsonl-cli-'));

function records(text: string): Array<Record<string, unknown>> {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('scan --format jsonl', () => {
  it('prints one JSON record a line, findings first and the summary last, with the exit code of --format json', () => {
    for (const extra of [[], ['--fail-on', 'high']]) {
      const jsonl = runCli(['scan', '--snapshot', DEMO, '--format', 'jsonl', ...extra]);
      const json = runCli(['scan', '--snapshot', DEMO, '--format', 'json', ...extra]);
      expect(jsonl.stderr).toBe('');
      expect(jsonl.status).toBe(json.status);
      const lines = records(jsonl.stdout);
      const report = JSON.parse(json.stdout) as { findings: unknown[]; summary: unknown };
      expect(lines.at(-1)!.kind).toBe('summary');
      expect(lines.at(-1)!.summary).toEqual(report.summary);
      expect(lines.filter((line) => line.kind === 'finding').map(({ kind: _, ...finding }) => finding)).toEqual(report.findings);
    }
    expect(runCli(['scan', '--snapshot', DEMO, '--format', 'jsonl', '--fail-on', 'high']).status).toBe(1);
  });

  it('writes jsonl=FILE beside the report on stdout, and a plain --output FILE with --format jsonl', () => {
    const file = join(dir, 'demo.jsonl');
    const run = runCli(['scan', '--snapshot', DEMO, '--format', 'json', '--output', `jsonl=${file}`]);
    expect(run.status).toBe(0);
    const lines = records(readFileSync(file, 'utf8'));
    expect(lines.filter((line) => line.kind === 'finding')).toHaveLength((JSON.parse(run.stdout) as { findings: unknown[] }).findings.length);
    expect(lines.at(-1)!.kind).toBe('summary');

    const plain = join(dir, 'plain.jsonl');
    const only = runCli(['scan', '--snapshot', DEMO, '--format', 'JSONL', '--output', plain]);
    expect(only.stdout).toBe('');
    expect(readFileSync(plain, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('an incomplete scan says so on the summary line, with exit 3 as with --format json', () => {
    const snapshot = join(ROOT, 'fixtures', 'live', 'kv-logging-tenant.json');
    const json = runCli(['scan', '--snapshot', snapshot, '--format', 'json']);
    const jsonl = runCli(['scan', '--snapshot', snapshot, '--format', 'jsonl']);
    expect(json.status).toBe(3);
    expect(jsonl.status).toBe(3);
    const summary = records(jsonl.stdout).at(-1)!.summary as { complete: boolean };
    expect(summary.complete).toBe(false);
    expect(summary.complete).toBe((JSON.parse(json.stdout) as { summary: { complete: boolean } }).summary.complete);
  });

  it('stops quietly when the reader goes away (azscan scan | head -1), with the exit code of a full run', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', '--snapshot', DEMO, '--format', 'jsonl'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '' } });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    // Read the first line, then close the pipe: the rest of the report meets EPIPE.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(runCli(['scan', '--snapshot', DEMO, '--format', 'jsonl']).status);
  });

  it('a slow reader still gets the whole report: the last batches are not lost when azscan exits', () => {
    // The flexible servers' JUnit report is one full batch and a last one small enough to sit in
    // the stream's buffer. A shell pipe (not a socket, as spawn's pipes are), read after a pause.
    const flexible = join(ROOT, 'fixtures', 'live', 'flexible-servers-tenant.json');
    for (const [snapshot, format] of [[flexible, 'junit'], [DEMO, 'jsonl'], [DEMO, 'json']] as const) {
      const file = join(dir, `whole.${format}`);
      runCli(['scan', '--snapshot', snapshot, '--format', format, '--output', file]);
      const quoted = [process.execPath, BIN, 'scan', '--snapshot', snapshot, '--format', format].map((arg) => `'${arg}'`).join(' ');
      const piped = spawnSync('sh', ['-c', `${quoted} | (sleep 1; cat)`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
      expect(piped.stderr).toBe('');
      expect(piped.stdout === readFileSync(file, 'utf8'), `${format}: stdout through a slow pipe differs from the file`).toBe(true);
    }
  }, 120_000);
});
