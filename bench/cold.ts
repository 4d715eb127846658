import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The CLI as a user runs it. */
export const BIN = fileURLToPath(new URL('../../bin/azscan.js', import.meta.url));

const TIME = '/usr/bin/time';
/** Without /usr/bin/time, the child reports its own peak RSS on exit through a preloaded hook. */
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nazscan-bench-maxrss-kb: '+process.resourceUsage().maxRSS+'\\n'))`;

export interface ColdRun {
  readonly wallMs: number;
  /** Peak resident set size of the process, in MB (10^6 bytes). */
  readonly maxRssMb: number;
  readonly status: number | null;
  /** The child's own stderr, without the measuring tool's lines. */
  readonly stderr: string;
}

/** One `node ARGS` process from start to exit: wall time and peak RSS. */
export function runNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ColdRun {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const fullArgs = useTime ? ['-v', process.execPath, ...args] : [`--import=${RSS_HOOK}`, ...args];
  const started = performance.now();
  const child = spawnSync(command, fullArgs, { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 64 << 20 });
  const wallMs = performance.now() - started;
  const stderr = child.stderr?.toString('utf8') ?? '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)|azscan-bench-maxrss-kb: (\d+)/.exec(stderr);
  const own = useTime ? stderr.slice(0, stderr.lastIndexOf('\tCommand being timed')) : stderr.replace(/\nazscan-bench-maxrss-kb: \d+\n$/, '');
  const exitStatus = useTime ? /Exit status: (\d+)/.exec(stderr) : undefined;
  return {
    wallMs,
    maxRssMb: rss ? (Number(rss[1] ?? rss[2]) * 1024) / 1e6 : NaN,
    status: exitStatus ? Number(exitStatus[1]) : child.status,
    stderr: own.trim(),
  };
}

export interface Spread {
  readonly min: number;
  readonly median: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
}

/** `RUNS` cold runs of each command, interleaved so that a busy moment hits every command alike. */
export function interleaved(commands: ReadonlyArray<readonly string[]>, runs: number): ColdRun[][] {
  const results: ColdRun[][] = commands.map(() => []);
  for (let round = 0; round < runs; round++) commands.forEach((args, i) => results[i]!.push(runNode(args)));
  return results;
}

/** `0.91× (min 0.88×)`, a ratio of medians and of minima. */
export function ratio(value: Spread, base: Spread): string {
  return `${(value.median / base.median).toFixed(2)}× (min ${(value.min / base.min).toFixed(2)}×)`;
}

/**
 * One figure: what was measured, its goal, whether the goal is met, and the figure on main
 * before issue 12 (from the issue, and measured with this bench on the same machine).
 */
export function figure(label: string, value: string, goal: string, met: boolean, today: string): void {
  console.log(`  ${label.padEnd(46)} ${value.padEnd(30)} goal ${goal.padEnd(8)} ${(met ? 'met' : 'MISSED').padEnd(7)} today ${today}`);
}

/** A size scaled by AZSCAN_BENCH_SCALE (e.g. 0.1 for a quick run), at least 1,000 resources. */
export function scaled(resources: number): number {
  const scale = Number(process.env.AZSCAN_BENCH_SCALE ?? '1');
  return Math.max(1000, Math.round(resources * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export const RUNS = Math.max(1, Number(process.env.AZSCAN_BENCH_RUNS ?? '5') || 5);
