import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, ROOT, runCli } from './run-cli.js';

/**
 * A copy of the built package with one rule's doc missing: a broken install, which is a failure
 * inside azscan and nothing the user typed. `rules show` for that rule trips over it for real.
 */
function brokenInstall(): string {
  const root = mkdtempSync(join(tmpdir(), 'azscan-broken-'));
  for (const part of ['package.json', 'bin', 'dist', 'rules', 'src/compliance']) cpSync(join(ROOT, part), join(root, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  rmSync(join(root, 'rules', 'nsg', 'nsg-elasticsearch-open.md'));
  return root;
}

function run(root: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(root, 'bin', 'azscan.js'), ...args], { encoding: 'utf8', env: { ...process.env, AZSCAN_DEBUG: '', ...env } });
}

describe('internal errors', () => {
  const root = brokenInstall();

  it('are exit 4 with one line, not a usage error', () => {
    const result = run(root, ['rules', 'show', 'AZ-NSG-002']);
    expect(result.status).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^azscan: internal error: ENOENT: no such file or directory, open '[^']*nsg-elasticsearch-open\.md' \(set AZSCAN_DEBUG=1 for the stack trace\)\n$/);
  });

  it('show the stack with AZSCAN_DEBUG=1', () => {
    const result = run(root, ['rules', 'show', 'AZ-NSG-002'], { AZSCAN_DEBUG: '1' });
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^azscan: internal error: ENOENT[^\n]*\nError: ENOENT[^\n]*\n\s+at /);
  });

  it('leave what azscan was given that is wrong at exit 2', () => {
    expect(run(root, ['rules', 'show', 'AZ-NOPE-1']).status).toBe(2);
    const bad = runCli(['scan', '--snapshot', join(ROOT, 'package.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^azscan: .*package\.json: not an azscan snapshot/);
    expect(runCli(['scan', '--snapshot', DEMO, '--rule', 'AZ-SQL-002']).status).toBe(0);
  });
});
