import { EXIT } from '../engine/exit-code.js';
import { UsageError } from '../inventory/errors.js';
import { parseSeverity } from '../model/severity.js';
import { printCollectionPlan, type PlanFlags } from './collect-plan.js';
import { selectForCommand } from './rule-selection.js';
import { checkFlags, liveOptions } from './live-options.js';
import { note, writeReportFile } from './output.js';

export interface CollectFlags extends PlanFlags {
  allowPartial?: boolean;
  /** Print the reads instead of making them. */
  plan?: boolean;
}

/**
 * `azscan collect`: reads what the selected rules need and writes it as a snapshot, for a
 * consultant to collect once and scan offline later. Exit 3 when some reads failed (they
 * are in the snapshot's `errors`), unless --allow-partial. With --plan, prints what it would
 * read instead (see collect-plan.ts).
 */
export async function runCollect(flags: CollectFlags): Promise<number> {
  if (flags.plan) return printCollectionPlan(flags);
  if (flags.format !== undefined) throw new UsageError('--format: chooses how --plan prints the reads; a snapshot is always JSON (add --plan, or drop --format)');
  if (flags.output === undefined) throw new UsageError("required option '--output <file>' not specified (or give --plan to print what a collection would read)");
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
