import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RULES } from '../rules/index.js';
import { scanInventory } from '../src/engine/scan.js';
import { inventoryFromSnapshot } from '../src/inventory/snapshot.js';
import { SYNTHETIC_COLLECTED, syntheticResources } from './synthetic-estate.js';

const RESOURCES = 100_000;
const ROUNDS = 5;

/** A full collection between rounds, so that no round pays for the garbage of the one before. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Issue #2's target: evaluating every rule over a 100,000-resource snapshot takes no more
 * than twice as long as JSON.parse of the same file. Each round parses the file, indexes it
 * into the inventory and evaluates every rule, as `azscan scan --snapshot` does; the
 * medians of the rounds are printed.
 */
export function benchSnapshotScan(): void {
  const dir = mkdtempSync(join(tmpdir(), 'azscan-bench-'));
  const path = join(dir, 'snapshot.json');
  const resources = syntheticResources(RESOURCES);
  writeFileSync(path, JSON.stringify({ schemaVersion: 1, collectedAt: '2026-12-01T00:00:00Z', collected: SYNTHETIC_COLLECTED, resources, errors: [] }));
  const text = readFileSync(path, 'utf8');
  const sizeMb = statSync(path).size / 1e6;
  rmSync(dir, { recursive: true, force: true });

  const parse: number[] = [];
  const load: number[] = [];
  const evaluate: number[] = [];
  let summary = '';
  for (let round = 0; round < ROUNDS; round++) {
    collectGarbage();
    const t0 = performance.now();
    const document = JSON.parse(text);
    const t1 = performance.now();
    const inventory = inventoryFromSnapshot(document, path);
    const t2 = performance.now();
    const result = scanInventory(inventory, { rules: RULES });
    const t3 = performance.now();
    parse.push(t1 - t0);
    load.push(t2 - t1);
    evaluate.push(t3 - t2);
    summary = `${result.outcomes.length.toLocaleString('en')} outcomes, ${result.summary.findings.total.toLocaleString('en')} findings`;
  }
  const [p, l, e] = [median(parse), median(load), median(evaluate)];
  const ms = (value: number): string => `${value.toFixed(0).padStart(6)} ms`;
  console.log(`snapshot scan on Node ${process.versions.node}: ${resources.length.toLocaleString('en')} resources (${sizeMb.toFixed(1)} MB), ${RULES.length} rules, ${summary}; median of ${ROUNDS} rounds`);
  console.log(`  JSON.parse of the file              ${ms(p)}`);
  console.log(`  index into the inventory            ${ms(l)}   ${(l / p).toFixed(2)}× parse`);
  console.log(`  evaluate every rule                 ${ms(e)}   ${(e / p).toFixed(2)}× parse   (target ≤ 2×: ${e / p <= 2 ? 'met' : 'MISSED'})`);
  console.log(`  index + evaluate                    ${ms(l + e)}   ${((l + e) / p).toFixed(2)}× parse`);
  console.log(`  peak memory (max RSS)               ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(6)} MB`);
}
