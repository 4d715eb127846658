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
const t0 = performance.now();
const document = JSON.parse(text) as unknown;
const t1 = performance.now();
const inventory = inventoryFromSnapshot(document, path);
const t2 = performance.now();
const result = scanInventory(inventory, { rules: RULES });
const t3 = performance.now();
console.log(JSON.stringify({ parseMs: t1 - t0, indexMs: t2 - t1, evaluateMs: t3 - t2, outcomes: result.outcomes.length, findings: result.summary.findings.total, rules: RULES.length }));
