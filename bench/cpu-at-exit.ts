import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into the azscan process a live benchmark runs: writes that
 * process's CPU time (process.cpuUsage, µs) to AZSCAN_BENCH_CPU_FILE as it exits, so the
 * client's CPU is measured apart from the fake server's and the benchmark's.
 */
const file = process.env.AZSCAN_BENCH_CPU_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.cpuUsage())));
