import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, figure, runNode, scaled } from './cold.js';
import { writeSyntheticSnapshot } from './estate-file.js';
import { checkJsonFile } from './json-check.js';
import { TODAY } from './today.js';

const GB = 1e9;

/** A scan that ran to a report: a finding (1) or an incomplete estate (3) is still a report. */
function completed(status: number | null): boolean {
  return status === 0 || status === 1 || status === 3;
}

/**
 * Issue 12's gates (in the bench, not in `npm test`): a 400,000-resource snapshot scans to a
 * valid JSON report — larger than V8's longest string, so it is checked in chunks — and a
 * 1,000,000-resource snapshot (a thousand subscriptions, written to the file one resource at a
 * time) scans to the end with a peak RSS under 2 GB.
 */
export function benchScaleGates(): void {
  const dir = mkdtempSync(join(tmpdir(), 'azscan-bench-'));
  try {
    const path = join(dir, 'snapshot-400k.json');
    const report = join(dir, 'report.json');
    const estate = writeSyntheticSnapshot(path, scaled(400_000));
    const run = runNode([BIN, 'scan', '--snapshot', path, '--format', 'json', '--output', report, '--quiet']);
    const outline = completed(run.status) ? checkJsonFile(report) : undefined;
    const summaryFirst = outline !== undefined && outline.keys.indexOf('summary') >= 0 && outline.keys.indexOf('summary') < outline.keys.indexOf('findings');
    const pass = outline?.valid === true && summaryFirst;
    const reportMb = pass ? statSync(report).size / 1e6 : 0;
    rmSync(report, { force: true });
    rmSync(path, { force: true });
    console.log(`scale gates: one cold run each`);
    const what = pass
      ? `${(run.wallMs / 1000).toFixed(1)} s, ${run.maxRssMb.toFixed(0)} MB RSS, ${reportMb.toFixed(0)} MB report, ${outline!.arrayLengths.findings ?? 0} findings`
      : outline
        ? `report invalid: ${outline.error ?? `keys ${outline.keys.join(', ')}`}`
        : `exit ${run.status}: ${run.stderr.split('\n')[0]?.slice(0, 80)}`;
    figure(`${estate.resources.toLocaleString('en')} resources (${estate.megabytes.toFixed(0)} MB) → JSON report`, `${pass ? 'PASS' : 'FAIL'} ${what}`, 'PASS', pass, TODAY.report400k);

    const millionPath = join(dir, 'snapshot-1m.json');
    const total = scaled(1_000_000);
    const million = writeSyntheticSnapshot(millionPath, total, Math.max(20, Math.round(total / 1000)));
    const big = runNode([BIN, 'scan', '--snapshot', millionPath, '--format', 'json', '--output', '/dev/null', '--quiet']);
    const done = completed(big.status);
    const value = done ? `${(big.wallMs / 1000).toFixed(1)} s, peak RSS ${(big.maxRssMb / 1000).toFixed(2)} GB` : `FAIL exit ${big.status}: ${big.stderr.split('\n')[0]?.slice(0, 100)}`;
    figure(`${million.resources.toLocaleString('en')} resources (${million.megabytes.toFixed(0)} MB) scan completes`, value, '< 2 GB', done && big.maxRssMb * 1e6 < 2 * GB, TODAY.oneMillion);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
