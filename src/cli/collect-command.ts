import { EXIT } from '../engine/exit-code.js';
import { parseSeverity } from '../model/severity.js';
import { selectForCommand } from './rule-selection.js';
import { checkFlags, liveOptions, type LiveFlags } from './live-options.js';
import { note, writeReportFile } from './output.js';

export interface CollectFlags extends LiveFlags {
  output: string;
  rule: string[];
  severity?: string;
  config?: string;
  allowPartial?: boolean;
}

/**
 * `azscan collect`: reads what the selected rules need and writes it as a snapshot, for a
 * consultant to collect once and scan offline later. Exit 3 when some reads failed (they
 * are in the snapshot's `errors`), unless --allow-partial.
 */
export async function runCollect(flags: CollectFlags): Promise<number> {
  checkFlags(flags, [flags.output]);
  const minSeverity = flags.severity === undefined ? undefined : parseSeverity(flags.severity, '--severity');
  const { rules } = selectForCommand(flags, minSeverity);
  const { collectEstate } = await import('../collect/collect.js');
  const { snapshot, stats } = await collectEstate(rules, liveOptions(flags));
  writeReportFile(flags.output, `${JSON.stringify(snapshot, null, 2)}\n`);
  note(
    flags.quiet ?? false,
    `azscan: wrote ${snapshot.resources.length} resources from ${snapshot.subscriptions.length} subscriptions to ${flags.output} ` +
      `(${stats.requests} requests, ${snapshot.errors.length} failed reads)`,
  );
  if (snapshot.errors.length > 0 && !flags.allowPartial) return EXIT.incomplete;
  return EXIT.ok;
}
