import { benchLiveScan, benchStartup, LIVE_1000_BY_50 } from './live-scan.js';
import { benchSnapshotScan } from './snapshot-scan.js';

/** `npm run bench`: prints figures; benchmarks are never timed assertions in tests. */
benchSnapshotScan();
console.log();
await benchLiveScan();
console.log();
await benchLiveScan(LIVE_1000_BY_50);
console.log();
benchStartup();
