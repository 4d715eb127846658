import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, figure, interleaved, ratio, RUNS, scaled, spread } from './cold.js';
import { writeSyntheticSnapshot } from './estate-file.js';
import { TODAY } from './today.js';

const EVALUATE_ONCE = fileURLToPath(new URL('./evaluate-once.js', import.meta.url));
/** The bare process a scan is measured against: read the file and parse it, nothing else. */
const BARE_PARSE = 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))';

interface Evaluation {
  parseMs: number;
  indexMs: number;
  evaluateMs: number;
  outcomes: number;
  findings: number;
  rules: number;
}

/**
 * Issue 12 §4 on a 100,000-resource snapshot, every figure from fresh processes as a user
 * runs them (min and median of AZSCAN_BENCH_RUNS runs): evaluation (index + evaluate, in a
 * process that times each step) against JSON.parse of the same file; the whole
 * `scan --format json` process against a bare read-and-parse process; and the scan's peak
 * RSS against the file's size.
 */
export function benchSnapshotScan(): void {
  const dir = mkdtempSync(join(tmpdir(), 'azscan-bench-'));
  try {
    const path = join(dir, 'snapshot.json');
    const { resources, megabytes } = writeSyntheticSnapshot(path, scaled(100_000));

    const evaluations: Evaluation[] = [];
    for (let run = 0; run < RUNS; run++) {
      const child = spawnSync(process.execPath, [EVALUATE_ONCE, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`evaluate-once failed: ${child.stderr}`);
      evaluations.push(JSON.parse(child.stdout) as Evaluation);
    }
    const parse = spread(evaluations.map((e) => e.parseMs));
    const index = spread(evaluations.map((e) => e.indexMs));
    const evaluate = spread(evaluations.map((e) => e.evaluateMs));
    const both = spread(evaluations.map((e) => e.indexMs + e.evaluateMs));
    const ratios = spread(evaluations.map((e) => (e.indexMs + e.evaluateMs) / e.parseMs));

    const scanArgs = [BIN, 'scan', '--snapshot', path, '--format', 'json', '--output', '/dev/null', '--quiet'];
    const [bare, scan] = interleaved([['-e', BARE_PARSE, path], scanArgs], RUNS);
    const failed = scan!.find((run) => run.status !== 0 && run.status !== 1 && run.status !== 3);
    const bareWall = spread(bare!.map((run) => run.wallMs));
    const scanWall = spread(scan!.map((run) => run.wallMs));
    const rss = spread(scan!.map((run) => run.maxRssMb));

    const first = evaluations[0]!;
    const ms = (s: { min: number; median: number }): string => `${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)})`;
    console.log(`snapshot scan, Node ${process.versions.node}: ${resources.toLocaleString('en')} resources (${megabytes.toFixed(1)} MB), ${first.rules} rules, ${first.outcomes.toLocaleString('en')} outcomes, ${first.findings.toLocaleString('en')} findings; median (min) of ${RUNS} cold runs`);
    console.log(`  JSON.parse of the file                         ${ms(parse)}`);
    console.log(`  index into the inventory                       ${ms(index)}`);
    console.log(`  evaluate every rule                            ${ms(evaluate)}`);
    figure('index + evaluate ÷ JSON.parse', `${ms(both)} = ${ratios.median.toFixed(2)}× (min ${ratios.min.toFixed(2)}×)`, '≤ 1×', ratios.median <= 1, TODAY.evaluationVsParse);
    console.log(`  bare read + JSON.parse process                 ${ms(bareWall)}`);
    console.log(`  scan --format json process                     ${ms(scanWall)}${failed ? `   FAILED (exit ${failed.status}): ${failed.stderr.split('\n')[0]}` : ''}`);
    figure('scan process ÷ bare parse process', ratio(scanWall, bareWall), '≤ 2×', !failed && scanWall.median / bareWall.median <= 2, TODAY.scanVsParseProcess);
    figure('scan peak RSS ÷ file size', `${rss.median.toFixed(0)} MB = ${(rss.median / megabytes).toFixed(2)}× (min ${(rss.min / megabytes).toFixed(2)}×)`, '≤ 3×', !failed && rss.median / megabytes <= 3, TODAY.rssVsFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
