import { RULES } from '../../rules/index.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { scanInventory } from '../engine/scan.js';
import { selectRules } from '../engine/select.js';
import { parseSeverity } from '../engine/severity.js';
import type { Inventory } from '../inventory/inventory.js';
import { inventoryFromSnapshot, loadSnapshotFile } from '../inventory/snapshot.js';
import { reporterFor } from '../report/index.js';
import { liveOptions, type LiveFlags } from './live-options.js';
import { colorWanted, note, writeReportFile } from './output.js';

export interface ScanFlags extends LiveFlags {
  snapshot?: string;
  format: string;
  output?: string;
  failOn?: string;
  severity?: string;
  rule: string[];
  allowPartial?: boolean;
  verbose?: boolean;
  color: boolean;
}

/** `azscan scan`: a snapshot when `--snapshot` is given, the live estate otherwise. Returns the exit code. */
export async function runScan(flags: ScanFlags): Promise<number> {
  // Flags are checked before anything is read, so a typo fails fast and the same way.
  const reporter = reporterFor(flags.format);
  const failOn = flags.failOn === undefined ? undefined : parseSeverity(flags.failOn, '--fail-on');
  const minSeverity = flags.severity === undefined ? undefined : parseSeverity(flags.severity, '--severity');
  const rules = selectRules(RULES, { only: flags.rule, ...(minSeverity ? { minSeverity } : {}) });

  let inventory: Inventory;
  if (flags.snapshot !== undefined) {
    inventory = loadSnapshotFile(flags.snapshot);
  } else {
    // Loaded here so that snapshot scans never load the Azure SDKs.
    const { collectEstate } = await import('../collect/collect.js');
    const { snapshot } = await collectEstate(rules, liveOptions(flags));
    inventory = inventoryFromSnapshot(snapshot, '(live)', true);
  }

  const result = scanInventory(inventory, { rules, ...(minSeverity ? { minSeverity } : {}) });
  const toFile = flags.output !== undefined;
  const text = reporter(result, {
    color: !toFile && colorWanted(process.stdout, flags.color),
    verbose: flags.verbose ?? false,
  });
  if (toFile) {
    writeReportFile(flags.output!, text);
    note(flags.quiet ?? false, `azscan: report written to ${flags.output} (${result.summary.findings.total} findings)`);
  } else {
    process.stdout.write(text);
  }
  return exitCodeFor(result, { ...(failOn ? { failOn } : {}), allowPartial: flags.allowPartial ?? false });
}
