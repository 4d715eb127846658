import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'azscan.js');
export const DEMO = join(ROOT, 'fixtures', 'demo-tenant.json');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would (`npm test` builds it first), with a clean colour environment. */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; killAfterMs?: number } = {}): CliRun {
  const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  // killAfterMs: for a run that would hang if the behaviour under test broke (status is then null).
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, cwd: options.cwd ?? ROOT, ...(options.killAfterMs ? { timeout: options.killAfterMs } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI under a pseudo-terminal (util-linux `script`), to see what a person at a terminal sees. */
export function runCliInTerminal(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const command = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color', ...env },
    cwd: ROOT,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
