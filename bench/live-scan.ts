import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { RecordedRequest } from '../test/fake-arm/types.js';
import { DEFAULT_SCHEDULER_OPTIONS } from '../src/collect/scheduler.js';
import { startFakeArmProcess, type EstateShape, type ServerOptions } from './fake-arm-host.js';

const TOKEN = 'bench-token';
const BIN = fileURLToPath(new URL('../../bin/azscan.js', import.meta.url));
const CPU_AT_EXIT = new URL('./cpu-at-exit.js', import.meta.url).href;
const IN_FLIGHT = DEFAULT_SCHEDULER_OPTIONS.maxConcurrency;

/** One live benchmark: an estate, the fake server's limits, the CLI's extra flags, and its goal. */
export interface LiveBench {
  readonly title: string;
  readonly estate: EstateShape;
  readonly server: ServerOptions;
  /** Flags after `scan --format json --arm-endpoint URL --quiet` (`--inventory resource-graph`). */
  readonly args?: readonly string[];
  readonly runs: number;
  /** Wall time allowed, as a multiple of `goalBound`: the read bucket's bound, or the largest of every bound. */
  readonly goal: number;
  readonly goalBound: 'bucket' | 'largest';
  /** Cores azscan's request path uses: 1, one event loop, until it fans out to workers. */
  readonly clientCores?: number;
  /** Bounds besides the read bucket's and the client's CPU (Resource Graph's quota), from what the server served. */
  readonly otherBounds?: (requests: readonly RecordedRequest[]) => ReadonlyArray<{ name: string; seconds: number }>;
}

interface RunFigures {
  wall: number;
  /** From the first request the server saw to the last: the collection, without start-up and evaluation. */
  span: number;
  requests: number;
  throttled: number;
  bucketBound: number;
  cpuBound: number;
  bound: number;
  cpuPerRequestMs: number;
  serverCpuPerRequestMs: number;
  tlsConnections: number;
  status: number | null;
  complete: boolean;
  findings: number;
  notEvaluated: Array<{ ruleId?: string; code: string; reason: string }>;
  otherBounds: ReadonlyArray<{ name: string; seconds: number }>;
}

/**
 * Issue 12's live figure: 20 subscriptions × 500 resources through the fake ARM server in its own
 * process — 30 ms per response (a timer), and ARM's per-subscription read bucket (250 reads,
 * refilled at 25 a second, 429 with Retry-After when empty) — finishes within 1.2× of the time
 * that bucket alone imposes on the requests made, with no request failing for good.
 */
export const LIVE_20_BY_500: LiveBench = {
  title: 'live scan',
  estate: { subscriptions: 20, resourcesPerSubscription: 500 },
  server: { latencyMs: 30, readBucket: { capacity: 250, refillPerSecond: 25 } },
  runs: 3,
  goal: 1.2,
  goalBound: 'bucket',
};

/** Resource Graph's documented per-user quota: 15 queries in any 5-second window. */
const GRAPH_QUOTA = { capacity: 15, windowSeconds: 5 };

/**
 * Issue 12's enterprise figure: 1,000 subscriptions × 50 resources, top-level resources through
 * Resource Graph (batches of subscriptions, 1,000 rows a page, under Graph's per-user quota) and
 * their children through ARM under each subscription's read bucket. Goal: within 1.5× of the
 * largest of the bounds — Graph's quota, the buckets, and the client's CPU per request.
 */
export const LIVE_1000_BY_50: LiveBench = {
  title: 'live scan, Resource Graph inventory + ARM children',
  estate: { subscriptions: 1000, resourcesPerSubscription: 50 },
  server: { latencyMs: 30, readBucket: { capacity: 250, refillPerSecond: 25 }, graphQuota: GRAPH_QUOTA },
  args: ['--inventory', 'resource-graph'],
  runs: 1,
  goal: 1.5,
  goalBound: 'largest',
  otherBounds: (requests) => [{ name: 'Graph quota bound', seconds: graphQuotaBound(requests.filter((request) => request.method === 'POST').length) }],
};

/** The least time `queries` Graph queries take under GRAPH_QUOTA: the first window's worth at once, then a window per quota. */
function graphQuotaBound(queries: number): number {
  return Math.max(0, Math.ceil(queries / GRAPH_QUOTA.capacity) - 1) * GRAPH_QUOTA.windowSeconds;
}

export async function benchLiveScan(bench: LiveBench = LIVE_20_BY_500): Promise<void> {
  const { estate, server } = bench;
  const bucket = server.readBucket;
  console.log(
    `${bench.title}: ${estate.subscriptions} subscriptions × ${estate.resourcesPerSubscription} resources, ${server.latencyMs ?? 0} ms per response (server in its own process)` +
      (bucket ? `, read bucket ${bucket.capacity} refilled at ${bucket.refillPerSecond}/s per subscription` : '') +
      (bench.args?.length ? `, ${bench.args.join(' ')}` : '') +
      `; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const runs: RunFigures[] = [];
  for (let i = 0; i < bench.runs; i++) {
    const run = await runOnce(bench);
    runs.push(run);
    const others = run.otherBounds.map((b) => `, ${b.name} ${b.seconds.toFixed(2)} s`).join('');
    console.log(
      `  run ${i + 1}: wall ${run.wall.toFixed(2)} s (requests over ${run.span.toFixed(2)} s), bound ${run.bound.toFixed(2)} s (bucket ${run.bucketBound.toFixed(2)} s, client CPU ${run.cpuBound.toFixed(2)} s${others}), ` +
        `wall/bound ${ratioOf(run).toFixed(2)}, ${run.requests} requests, ${run.throttled} 429s, ${run.tlsConnections} TLS connections, ` +
        `client CPU ${run.cpuPerRequestMs.toFixed(3)} ms/request (server ${run.serverCpuPerRequestMs.toFixed(3)}), exit ${run.status}, ${run.findings} findings, ${run.notEvaluated.length} not evaluated`,
    );
    printNotEvaluated(run);
  }
  const row = (label: string, values: number[], digits: number, unit: string, goal = ''): void =>
    console.log(`  ${label.padEnd(34)} min ${Math.min(...values).toFixed(digits).padStart(8)}   median ${median(values).toFixed(digits).padStart(8)} ${unit}${goal}`);
  const ratios = runs.map(ratioOf);
  const goalRatios = runs.map((run) => (bench.goalBound === 'bucket' ? run.wall / run.bucketBound : ratioOf(run)));
  const allComplete = runs.every((run) => run.complete);
  row('wall time', runs.map((run) => run.wall), 2, 's', '   (the azscan process, spawned to exit)');
  row('first to last request', runs.map((run) => run.span), 2, 's', '   (as the server saw them: the collection alone)');
  row('bound (largest of those below)', runs.map((run) => run.bound), 2, 's');
  row('  read bucket bound', runs.map((run) => run.bucketBound), 2, 's', bucket ? `   max over subscriptions of (served − ${bucket.capacity}) / ${bucket.refillPerSecond}` : '');
  row('  client CPU bound', runs.map((run) => run.cpuBound), 2, 's', `   requests × client CPU per request ÷ ${bench.clientCores ?? 1} core(s)`);
  row('  in-flight bound (not in the max)', runs.map((run) => (run.requests * (server.latencyMs ?? 0)) / 1000 / IN_FLIGHT), 2, 's', `   requests × ${server.latencyMs ?? 0} ms ÷ ${IN_FLIGHT} requests in flight (azscan's own cap)`);
  row('requests', runs.map((run) => run.requests), 0, '');
  row('429s', runs.map((run) => run.throttled), 0, '');
  row('TLS connections', runs.map((run) => run.tlsConnections), 0, '');
  row('client CPU per request', runs.map((run) => run.cpuPerRequestMs), 3, 'ms', '   (the azscan process: start-up, collection, evaluation, report ÷ requests)');
  row('server CPU per request', runs.map((run) => run.serverCpuPerRequestMs), 3, 'ms');
  row('wall / bound', ratios, 2, '', bench.goalBound === 'largest' ? goalText(bench, goalRatios, allComplete) : '');
  if (bench.goalBound === 'bucket') row('wall / read bucket bound', goalRatios, 2, '', goalText(bench, goalRatios, allComplete));
}

function goalText(bench: LiveBench, ratios: number[], allComplete: boolean): string {
  return `     (goal ≤ ${bench.goal}× with nothing failing for good: ${median(ratios) <= bench.goal && allComplete ? 'met' : 'MISSED'})`;
}

async function runOnce(bench: LiveBench): Promise<RunFigures> {
  const arm = await startFakeArmProcess(bench.estate, bench.server, TOKEN);
  const scratch = mkdtempSync(join(tmpdir(), 'azscan-bench-'));
  try {
    const cpuFile = join(scratch, 'cpu.json');
    const started = performance.now();
    const run = await runCli(['scan', '--format', 'json', '--arm-endpoint', arm.url, '--quiet', ...(bench.args ?? [])], arm.caCertPath, cpuFile);
    const wall = (performance.now() - started) / 1000;
    const served = await arm.report();
    const cpu = JSON.parse(readFileSync(cpuFile, 'utf8')) as NodeJS.CpuUsage;
    const report = JSON.parse(run.stdout) as { summary: { complete: boolean; findings: { total: number } }; notEvaluated: RunFigures['notEvaluated'] };

    const requests = served.requests.length;
    const arrivals = served.requests.map((request) => request.at);
    const cpuPerRequestMs = (cpu.user + cpu.system) / 1000 / requests;
    const cpuBound = (requests * cpuPerRequestMs) / 1000 / (bench.clientCores ?? 1);
    const bucketBound = readBucketBound(served.requests, bench.server);
    const otherBounds = bench.otherBounds?.(served.requests) ?? [];
    return {
      wall,
      span: requests === 0 ? 0 : (Math.max(...arrivals) - Math.min(...arrivals)) / 1000,
      requests,
      throttled: served.requests.filter((request) => request.status === 429).length,
      bucketBound,
      cpuBound,
      bound: Math.max(bucketBound, cpuBound, ...otherBounds.map((b) => b.seconds)),
      cpuPerRequestMs,
      serverCpuPerRequestMs: (served.cpu.user + served.cpu.system) / 1000 / requests,
      tlsConnections: served.tlsConnections,
      status: run.status,
      complete: report.summary.complete,
      findings: report.summary.findings.total,
      notEvaluated: report.notEvaluated,
      otherBounds,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await arm.close();
  }
}

/**
 * The time ARM's read bucket alone imposes: subscriptions are metered separately and read in
 * parallel, so the slowest one bounds the scan — its served reads past the bucket's capacity,
 * at the refill rate. Requests outside a subscription (the subscription list) are not metered.
 */
function readBucketBound(requests: readonly RecordedRequest[], server: ServerOptions): number {
  const bucket = server.readBucket;
  if (bucket === undefined) return 0;
  const served = new Map<string, number>();
  for (const request of requests) {
    if (request.subscriptionId === undefined || request.status === 429 || !/^\/subscriptions\/[^/]+\/./i.test(request.path)) continue;
    const key = request.subscriptionId.toLowerCase();
    served.set(key, (served.get(key) ?? 0) + 1);
  }
  let bound = 0;
  for (const count of served.values()) bound = Math.max(bound, Math.max(0, count - bucket.capacity) / bucket.refillPerSecond);
  return bound;
}

/** What was not evaluated, by rule and code: an incomplete scan misses the goal, and says why. */
function printNotEvaluated(run: RunFigures): void {
  const unread = new Map<string, { count: number; reason: string }>();
  for (const entry of run.notEvaluated) {
    const key = `${entry.ruleId ?? '(input)'} ${entry.code}`;
    unread.set(key, { count: (unread.get(key)?.count ?? 0) + 1, reason: entry.reason });
  }
  for (const [key, { count, reason }] of [...unread].sort((a, b) => b[1].count - a[1].count).slice(0, 8)) console.log(`    not evaluated: ${count} × ${key}: ${reason.slice(0, 120)}`);
}

function ratioOf(run: RunFigures): number {
  return run.bound > 0 ? run.wall / run.bound : Infinity;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function runCli(args: string[], caCertPath: string, cpuFile: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', CPU_AT_EXIT, BIN, ...args], {
    env: { ...process.env, AZURE_ACCESS_TOKEN: TOKEN, NODE_EXTRA_CA_CERTS: caCertPath, NO_COLOR: '1', AZSCAN_BENCH_CPU_FILE: cpuFile },
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
