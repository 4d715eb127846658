import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeArm, type FakeArm, type FakeArmOptions, type FakeSubscription } from '../fake-arm/server.js';
import { fakeTenantFromSnapshot } from '../fake-arm/tenant.js';
import { BIN, DEMO, ROOT } from '../cli/run-cli.js';

export const TOKEN = 'fake-arm-token-for-tests';

export interface LiveRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI against a fake ARM server as a user would, through the real SDK clients:
 * `--arm-endpoint` points them at the server, AZURE_ACCESS_TOKEN authenticates, and the
 * server's self-signed certificate is trusted through NODE_EXTRA_CA_CERTS. Asynchronous, so
 * the server in this process keeps answering while the CLI runs.
 */
export function runLive(arm: FakeArm, args: readonly string[], env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): Promise<LiveRun> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args, '--arm-endpoint', arm.url], {
    cwd: ROOT,
    env: {
      ...process.env,
      NO_COLOR: '',
      FORCE_COLOR: '',
      AZURE_ACCESS_TOKEN: TOKEN,
      NODE_EXTRA_CA_CERTS: arm.caCertPath,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function demoSnapshot(): { tenantId: string; subscriptions: Array<{ subscriptionId: string; displayName: string; state: string }>; resources: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(DEMO, 'utf8'));
}

export const DISABLED_SUBSCRIPTION: FakeSubscription = {
  subscriptionId: '6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a09',
  displayName: 'contoso-retired',
  state: 'Disabled',
  tenantId: '3e8d1f6a-7b2c-4d9e-8f10-a1b2c3d4e5f6',
};

/** The demo tenant behind a fake ARM, with a Disabled subscription beside its two live ones. */
export function startDemoArm(options: Partial<FakeArmOptions> = {}): Promise<FakeArm> {
  return startFakeArm({
    tenant: fakeTenantFromSnapshot(demoSnapshot(), { subscriptions: [DISABLED_SUBSCRIPTION] }),
    token: TOKEN,
    pageSize: 3,
    ...options,
  });
}

export const SUPPORT = join(ROOT, 'test', 'support');

/** Runs the CLI against the fake ARM under a pseudo-terminal (util-linux `script`); stdout and stderr arrive mixed. */
export function runLiveInTerminal(arm: FakeArm, args: readonly string[]): Promise<{ status: number | null; output: string }> {
  const command = [process.execPath, BIN, ...args, '--arm-endpoint', arm.url].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', AZURE_ACCESS_TOKEN: TOKEN, NODE_EXTRA_CA_CERTS: arm.caCertPath, TERM: 'xterm' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}
