import { benchLiveScan, benchStartup } from './live-scan.js';
import { benchSnapshotScan } from './snapshot-scan.js';

/** `npm run bench`: prints figures; benchmarks are never timed assertions in tests. */
benchSnapshotScan();
console.log();
await benchLiveScan();
console.log();
benchStartup();
