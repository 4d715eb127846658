import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { RULES } from '../rules/index.js';
import { scanInventory } from '../src/engine/scan.js';
import { inventoryFromSnapshot } from '../src/inventory/snapshot.js';

/**
 * Run in a fresh process by snapshot-scan.ts, as a scan runs: reads the snapshot (not timed),
 * then times JSON.parse of it, indexing it into the inventory and evaluating every rule, once
 * each, and prints the times as one JSON line.
 */
const path = process.argv[2]!;
const text = readFileSync(path, 'utf8');
// CPU time beside wall time: on a machine shared with other work, it moves less.
const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const [t0, c0] = [performance.now(), cpu()];
const document = JSON.parse(text) as unknown;
const [t1, c1] = [performance.now(), cpu()];
const inventory = inventoryFromSnapshot(document, path);
const [t2, c2] = [performance.now(), cpu()];
const result = scanInventory(inventory, { rules: RULES });
const [t3, c3] = [performance.now(), cpu()];
console.log(
  JSON.stringify({
    parseMs: t1 - t0,
    indexMs: t2 - t1,
    evaluateMs: t3 - t2,
    cpu: { parseMs: c1 - c0, indexMs: c2 - c1, evaluateMs: c3 - c2 },
    outcomes: result.outcomes.length,
    findings: result.summary.findings.total,
    rules: RULES.length,
  }),
);
