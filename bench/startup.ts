import { fileURLToPath } from 'node:url';
import { BIN, figure, interleaved, ratio, spread } from './cold.js';
import { TODAY } from './today.js';

const DEMO = fileURLToPath(new URL('../../fixtures/demo-tenant.json', import.meta.url));
const RUNS = 11;

/** Start-up, issue 12 §4: `azscan --help` and a demo-tenant scan next to `node -e 0`, cold processes. */
export function benchStartup(): void {
  const [bare, help, version, demo] = interleaved([['-e', '0'], [BIN, '--help'], [BIN, '--version'], [BIN, 'scan', '--snapshot', DEMO]], RUNS);
  const wall = (runs: typeof bare) => spread(runs!.map((run) => run.wallMs));
  const [b, h, v, d] = [wall(bare), wall(help), wall(version), wall(demo)];
  const ms = (s: { min: number; median: number }): string => `${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)})`;
  console.log(`start-up: median (min) of ${RUNS} cold runs`);
  console.log(`  node -e 0                                      ${ms(b)}`);
  console.log(`  azscan --version                               ${ms(v)} = ${ratio(v, b)}`);
  console.log(`  azscan --help                                  ${ms(h)}`);
  figure('azscan --help ÷ node -e 0', ratio(h, b), '≤ 1.3×', h.median / b.median <= 1.3, TODAY.helpVsNode);
  console.log(`  azscan scan --snapshot demo-tenant.json        ${ms(d)}`);
  figure('demo-tenant scan ÷ node -e 0', ratio(d, b), '≤ 2×', d.median / b.median <= 2, TODAY.demoVsNode);
}
