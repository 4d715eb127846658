import { benchLiveScan, LIVE_1000_BY_50 } from './live-scan.js';
import { benchScaleGates } from './scale-gates.js';
import { benchSnapshotScan } from './snapshot-scan.js';
import { benchStartup } from './startup.js';

/**
 * `npm run bench`: prints figures; benchmarks are never timed assertions in tests.
 * AZSCAN_BENCH_ONLY=snapshot,gates,live,startup runs some sections; AZSCAN_BENCH_SCALE=0.1
 * shrinks the snapshot sizes and AZSCAN_BENCH_RUNS the number of cold runs, for a quick run.
 */
const only = new Set((process.env.AZSCAN_BENCH_ONLY ?? 'snapshot,gates,live,startup').split(',').map((name) => name.trim()));
if (only.has('snapshot')) {
  benchSnapshotScan();
  console.log();
}
if (only.has('gates')) {
  benchScaleGates();
  console.log();
}
if (only.has('live')) {
  await benchLiveScan();
  console.log();
  await benchLiveScan(LIVE_1000_BY_50);
  console.log();
}
if (only.has('startup')) benchStartup();
