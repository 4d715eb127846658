import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startFakeArm } from '../test/fake-arm/server.js';
import type { FakeSubscription, RecordedRequest } from '../test/fake-arm/types.js';
import { syntheticResources } from './synthetic-estate.js';

const SUBSCRIPTIONS = 20;
const RESOURCES_PER_SUBSCRIPTION = 500;
const LATENCY_MS = 30;
const BUCKET = { capacity: 250, refillPerSecond: 25 };
const TOKEN = 'bench-token';
const BIN = fileURLToPath(new URL('../../bin/azscan.js', import.meta.url));

/**
 * Issue #3's target: a live scan of 20 subscriptions × 500 resources through the fake ARM
 * server — 30 ms per request, and ARM's per-subscription read bucket (250 reads, refilled at
 * 25 a second, 429 with Retry-After when empty) — finishes within 1.5× of the time that
 * bucket alone imposes on the requests made, with no request failing for good.
 */
export async function benchLiveScan(): Promise<void> {
  const resources = syntheticResources(SUBSCRIPTIONS * RESOURCES_PER_SUBSCRIPTION, SUBSCRIPTIONS);
  const subscriptionIds = [...new Set(resources.map((resource) => String(resource.id).split('/')[2]!))].sort();
  const subscriptions: FakeSubscription[] = subscriptionIds.map((subscriptionId, i) => ({
    subscriptionId,
    displayName: `bench-${i}`,
    state: 'Enabled',
    tenantId: '00000000-0000-0000-0000-0000000000aa',
  }));
  const arm = await startFakeArm({ tenant: { subscriptions, resources }, token: TOKEN, latencyMs: LATENCY_MS, readBucket: BUCKET });
  try {
    const started = performance.now();
    const run = await runCli(['scan', '--format', 'json', '--arm-endpoint', arm.url, '--quiet'], arm.caCertPath);
    const wall = (performance.now() - started) / 1000;
    const report = JSON.parse(run.stdout) as { summary: { complete: boolean; findings: { total: number } }; notEvaluated: Array<{ ruleId?: string; code: string; reason: string }> };

    const bySubscription = new Map<string, RecordedRequest[]>();
    for (const request of arm.requests) {
      const key = request.subscriptionId?.toLowerCase() ?? 'tenant';
      bySubscription.set(key, [...(bySubscription.get(key) ?? []), request]);
    }
    const throttled = arm.requests.filter((request) => request.status === 429).length;
    // Subscriptions are metered separately and read in parallel: the slowest one bounds the scan.
    let bound = 0;
    for (const [key, requests] of bySubscription) {
      if (key === 'tenant') continue;
      const served = requests.filter((request) => request.status !== 429).length;
      bound = Math.max(bound, Math.max(0, served - BUCKET.capacity) / BUCKET.refillPerSecond);
    }
    const served = arm.requests.length - throttled;
    const perSubscription = Math.round(served / SUBSCRIPTIONS);
    console.log(
      `live scan: ${SUBSCRIPTIONS} subscriptions × ${RESOURCES_PER_SUBSCRIPTION} resources (${resources.length.toLocaleString('en')} in all), ${LATENCY_MS} ms per request, read bucket ${BUCKET.capacity} refilled at ${BUCKET.refillPerSecond}/s per subscription`,
    );
    console.log(`  wall time                          ${wall.toFixed(2).padStart(7)} s   (exit ${run.status}, ${report.summary.findings.total} findings, ${report.notEvaluated.length} not evaluated)`);
    console.log(`  requests made                      ${String(arm.requests.length).padStart(7)}     (${served} served, ~${perSubscription} per subscription)`);
    console.log(`  429s received                      ${String(throttled).padStart(7)}`);
    console.log(`  bound the bucket imposes           ${bound.toFixed(2).padStart(7)} s   = max over subscriptions of (served − ${BUCKET.capacity}) / ${BUCKET.refillPerSecond}`);
    // What was not evaluated, by rule and code: an incomplete scan misses the target, and says why.
    const unread = new Map<string, { count: number; reason: string }>();
    for (const entry of report.notEvaluated) {
      const key = `${entry.ruleId ?? '(input)'} ${entry.code}`;
      unread.set(key, { count: (unread.get(key)?.count ?? 0) + 1, reason: entry.reason });
    }
    for (const [key, { count, reason }] of [...unread].sort((a, b) => b[1].count - a[1].count).slice(0, 8)) console.log(`  not evaluated: ${count} × ${key}: ${reason.slice(0, 120)}`);
    const ratio = bound > 0 ? wall / bound : Infinity;
    console.log(
      `  wall / bound                       ${bound > 0 ? ratio.toFixed(2).padStart(7) : '    n/a'}     (target ≤ 1.5 with nothing failing for good: ${ratio <= 1.5 && report.summary.complete ? 'met' : 'MISSED'})`,
    );
  } finally {
    await arm.close();
  }
}

function runCli(args: string[], caCertPath: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, AZURE_ACCESS_TOKEN: TOKEN, NODE_EXTRA_CA_CERTS: caCertPath, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      if (stderr.trim() !== '') console.error(stderr.trim());
      resolve({ status, stdout, stderr });
    });
  });
}
