import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BIN, figure, interleaved, ratio, spread, type Spread } from './cold.js';
import { TODAY } from './today.js';

const DEMO = fileURLToPath(new URL('../../fixtures/demo-tenant.json', import.meta.url));
const RUNS = 11;

const COMMANDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['node -e 0', ['-e', '0']],
  ['azscan --version', [BIN, '--version']],
  ['azscan --help', [BIN, '--help']],
  ['azscan scan --snapshot demo-tenant.json', [BIN, 'scan', '--snapshot', DEMO]],
  ['azscan scan … --format json --output /dev/null', [BIN, 'scan', '--snapshot', DEMO, '--format', 'json', '--output', '/dev/null']],
];

/**
 * CPU time (user + system) of one `node ARGS` process, from bash's `time` (getrusage of the
 * child, millisecond resolution): on a busy machine wall time mostly measures the neighbours.
 */
function cpuMs(args: readonly string[]): number {
  const quoted = [process.execPath, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; time ${quoted} >/dev/null 2>&1`], { encoding: 'utf8' });
  const [user, system] = run.stderr.trim().split(/\s+/).slice(-2).map(Number);
  return ((user ?? NaN) + (system ?? NaN)) * 1000;
}

/** Start-up, issue 12 §4: `azscan --help` and a demo-tenant scan next to `node -e 0`, cold processes. */
export function benchStartup(): void {
  const [bare, version, help, demo, demoJson] = interleaved(COMMANDS.map(([, args]) => args), RUNS);
  const wall = (runs: typeof bare) => spread(runs!.map((run) => run.wallMs));
  const [b, h, v, d, j] = [wall(bare), wall(help), wall(version), wall(demo), wall(demoJson)];
  const ms = (s: Spread): string => `${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)})`;
  console.log(`start-up: median (min) of ${RUNS} cold runs`);
  console.log(`  node -e 0                                      ${ms(b)}`);
  console.log(`  azscan --version                               ${ms(v)} = ${ratio(v, b)}`);
  console.log(`  azscan --help                                  ${ms(h)}`);
  figure('azscan --help ÷ node -e 0', ratio(h, b), '≤ 1.3×', h.median / b.median <= 1.3, TODAY.helpVsNode);
  console.log(`  azscan scan --snapshot demo-tenant.json        ${ms(d)}`);
  figure('demo-tenant scan ÷ node -e 0', ratio(d, b), '≤ 2×', d.median / b.median <= 2, TODAY.demoVsNode);
  console.log(`  the same, --format json --output /dev/null     ${ms(j)} = ${ratio(j, b)}`);

  const cpu: number[][] = COMMANDS.map(() => []);
  for (let round = 0; round < RUNS; round++) COMMANDS.forEach(([, args], i) => cpu[i]!.push(cpuMs(args)));
  const [cb, ...rest] = cpu.map((values) => spread(values));
  console.log(`start-up CPU time (user + system): median (min) of ${RUNS} runs; the machine's load moves it less than wall time`);
  COMMANDS.forEach(([label], i) => {
    const s = i === 0 ? cb! : rest[i - 1]!;
    console.log(`  ${label.padEnd(46)} ${ms(s)}${i === 0 ? '' : ` = ${ratio(s, cb!)}`}`);
  });
}
