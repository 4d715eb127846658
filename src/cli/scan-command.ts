import { RULES } from '../../rules/index.js';
import { UsageError } from '../errors.js';
import { exitCodeFor } from '../engine/exit-code.js';
import { scanInventory } from '../engine/scan.js';
import { selectRules } from '../engine/select.js';
import { parseSeverity } from '../engine/severity.js';
import { loadSnapshotFile } from '../inventory/snapshot.js';
import { reporterFor } from '../report/index.js';
import { colorWanted, note, writeReportFile } from './output.js';

export interface ScanFlags {
  snapshot?: string;
  format: string;
  output?: string;
  failOn?: string;
  severity?: string;
  rule: string[];
  allowPartial?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  color: boolean;
}

/** `azscan scan`: returns the exit code. */
export async function runScan(flags: ScanFlags): Promise<number> {
  // Flags are checked before any input is read, so a typo fails fast and the same way.
  const reporter = reporterFor(flags.format);
  const failOn = flags.failOn === undefined ? undefined : parseSeverity(flags.failOn, '--fail-on');
  const minSeverity = flags.severity === undefined ? undefined : parseSeverity(flags.severity, '--severity');
  const rules = selectRules(RULES, { only: flags.rule, ...(minSeverity ? { minSeverity } : {}) });
  if (flags.snapshot === undefined) {
    throw new UsageError('scan: give --snapshot FILE (live scans through the ARM SDKs are not in this version)');
  }

  const inventory = loadSnapshotFile(flags.snapshot);
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
