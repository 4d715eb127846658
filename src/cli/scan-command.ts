import { parseFramework } from '../compliance/frameworks.js';
import { loadBaseline } from './baseline-file.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { scanInventory } from '../engine/scan.js';
import { parseSeverity } from '../model/severity.js';
import { UsageError } from '../inventory/errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { inventoryFromSnapshot } from '../inventory/snapshot.js';
import { loadSnapshot } from '../inventory/snapshot-dir.js';
import { reporterFor } from '../report/index.js';
import { checkFlags, liveOptions, type LiveFlags } from './live-options.js';
import { colorWanted, note, outputWidth, warn, writeReportFile, writeReportTo } from './output.js';
import { planOutputs } from './outputs.js';
import { selectForCommand } from './rule-selection.js';
import { planShard, scanShard, scopeOf } from './shard-options.js';
import { isoToday } from '../engine/suppress.js';

export interface ScanFlags extends LiveFlags {
  snapshot?: string;
  format: string;
  output: string[];
  failOn?: string;
  severity?: string;
  rule: string[];
  config?: string;
  baseline?: string;
  newOnly?: boolean;
  compliance?: string;
  allowPartial?: boolean;
  verbose?: boolean;
  color: boolean;
  shard?: string;
  shardWeights?: string;
}

/** `azscan scan`: a snapshot when `--snapshot` is given, the live estate otherwise. Returns the exit code. */
export async function runScan(flags: ScanFlags): Promise<number> {
  // Flags, config and baseline are checked before any estate is read: a typo fails fast.
  const outputs = planOutputs(flags.format, flags.output);
  checkFlags(flags, outputs.files.map((file) => file.path));
  const failOn = flags.failOn === undefined ? undefined : parseSeverity(flags.failOn, '--fail-on');
  const minSeverity = flags.severity === undefined ? undefined : parseSeverity(flags.severity, '--severity');
  const compliance = flags.compliance === undefined ? undefined : parseFramework(flags.compliance);
  if (flags.newOnly && flags.baseline === undefined) throw new UsageError('--new-only needs --baseline FILE (an earlier --format json report)');
  const { config, rules, ruleOptions } = selectForCommand({ rule: flags.rule, ...(flags.config ? { config: flags.config } : {}), ...(compliance ? { compliance } : {}) }, minSeverity);
  const sharding = planShard(flags, outputs.files.map((file) => file.path));
  const baseline = flags.baseline === undefined ? undefined : loadBaseline(flags.baseline);

  let inventory: Inventory;
  if (flags.snapshot !== undefined) {
    inventory = loadSnapshot(flags.snapshot);
  } else {
    // Loaded here so that snapshot scans never load the Azure SDKs.
    const { collectEstate } = await import('../collect/collect.js');
    const { snapshot } = await collectEstate(rules, liveOptions(flags, sharding && { index: sharding.spec.index, assignment: sharding.assignment }));
    inventory = inventoryFromSnapshot(snapshot, '(live)', true);
  }

  const today = isoToday();
  const selection = { rules, ...(minSeverity ? { minSeverity } : {}), ...(compliance ? { compliance } : {}), ruleOptions, suppressions: config.suppressions, today };
  const shard = sharding && scanShard(sharding, selection, scopeOf(flags, inventory));
  const result = scanInventory(inventory, {
    rules,
    today,
    ...(shard ? { shard } : {}),
    ...(minSeverity ? { minSeverity } : {}),
    ruleOptions,
    suppressions: config.suppressions,
    ...(baseline ? { baseline } : {}),
    ...(compliance ? { compliance } : {}),
  });
  for (const expired of result.suppressions?.expired ?? []) warn(`${expired.source}: suppression of ${expired.rule} on ${expired.resource} expired on ${expired.expires}; it no longer suppresses`);
  for (const stale of result.suppressions?.stale ?? []) warn(`${stale.source}: suppression of ${stale.rule} on ${stale.resource} matched no finding (fixed, or mistyped?)`);

  // Each report is written as it is rendered, a batch of pieces at a time: never one string.
  for (const file of outputs.files) {
    writeReportFile(file.path, reporterFor(file.format)(result, { color: false, verbose: flags.verbose ?? false }));
    note(flags.quiet ?? false, `azscan: ${file.format} report written to ${file.path}`);
  }
  if (outputs.stdout) {
    await writeReportTo(process.stdout, reporterFor(outputs.stdout)(result, { color: colorWanted(process.stdout, flags.color), verbose: flags.verbose ?? false, width: outputWidth(process.stdout) }));
  }
  return exitCodeFor(result, { ...(failOn ? { failOn } : {}), allowPartial: flags.allowPartial ?? false, newOnly: flags.newOnly ?? false });
}
