import { statSync } from 'node:fs';
import { EXIT } from '../engine/exit-code.js';
import { InputError, UsageError } from '../inventory/errors.js';
import { parseSeverity } from '../model/severity.js';
import { printCollectionPlan, type PlanFlags } from './collect-plan.js';
import { selectForCommand } from './rule-selection.js';
import { checkFlags, liveOptions } from './live-options.js';
import { note } from './output.js';

export interface CollectFlags extends PlanFlags {
  allowPartial?: boolean;
  /** Print the reads instead of making them. */
  plan?: boolean;
  /** With --output DIR: read only the subscriptions whose part is missing or incomplete. */
  resume?: boolean;
}

/**
 * `azscan collect`: reads what the selected rules need and writes it as a snapshot, for a
 * consultant to collect once and scan offline later: one file, or a folder of one part per
 * subscription that `--resume` can complete. Each subscription is written as it finishes, so the
 * estate is never held whole. Exit 3 when some reads failed (they are in the snapshot's
 * `errors`), unless --allow-partial. With --plan, prints what it would read instead (see
 * collect-plan.ts).
 */
export async function runCollect(flags: CollectFlags): Promise<number> {
  if (flags.plan) return printCollectionPlan(flags);
  if (flags.format !== undefined) throw new UsageError('--format: chooses how --plan prints the reads; a snapshot is always JSON (add --plan, or drop --format)');
  if (flags.output === undefined) throw new UsageError("required option '--output <path>' not specified (or give --plan to print what a collection would read)");
  const toFolder = isFolderOutput(flags.output);
  if (flags.resume && !toFolder) throw new UsageError(`--resume: needs --output DIR, a snapshot folder (an existing folder, or a path ending in '/'); ${flags.output} is a file`);
  checkFlags(flags, toFolder ? [] : [flags.output]);
  const minSeverity = flags.severity === undefined ? undefined : parseSeverity(flags.severity, '--severity');
  const { rules } = selectForCommand(flags, minSeverity);
  const { collectEstate } = await import('../collect/collect.js');
  const options = liveOptions(flags);
  let failed: number;
  let summary: string;
  if (toFolder) {
    const { SnapshotFolderWriter } = await import('../collect/snapshot-folder-writer.js');
    const folder = writing(flags.output, () => new SnapshotFolderWriter(flags.output!, flags.resume ?? false));
    const { snapshot, stats } = await collectEstate(rules, options, [], folder);
    failed = writing(flags.output, () =>
      folder.finish(snapshot.collectedAt, snapshot.errors, {
        ...(snapshot.inventory ? { inventory: snapshot.inventory } : {}),
        ...(snapshot.inventoryQueriedAt ? { inventoryQueriedAt: snapshot.inventoryQueriedAt } : {}),
        ...(snapshot.inventoryFallback ? { inventoryFallback: snapshot.inventoryFallback } : {}),
      }),
    );
    const held = folder.held > 0 ? `, ${folder.held} already complete` : '';
    summary = `wrote ${folder.resources} resources from ${snapshot.subscriptions.length} subscriptions${held} to the folder ${flags.output} (${stats.requests} requests, ${failed} failed reads)`;
  } else {
    const { SnapshotFileWriter } = await import('../collect/snapshot-file-writer.js');
    const file = writing(flags.output, () => new SnapshotFileWriter(flags.output!));
    try {
      const { snapshot, stats } = await collectEstate(rules, options, [], file);
      failed = writing(flags.output, () => file.finish(snapshot));
      summary = `wrote ${file.resources} resources from ${snapshot.subscriptions.length} subscriptions to ${flags.output} (${stats.requests} requests, ${failed} failed reads)`;
    } finally {
      file.cleanUp();
    }
  }
  note(flags.quiet ?? false, `azscan: ${summary}`);
  if (failed > 0 && !flags.allowPartial) return EXIT.incomplete;
  return EXIT.ok;
}

/** `--output DIR`: an existing folder, or a path ending in a slash (made if it does not exist). */
function isFolderOutput(path: string): boolean {
  if (/[/\\]$/.test(path)) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A failure to write the snapshot is said in one line, naming --output. */
function writing<T>(output: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || error instanceof InputError || error instanceof UsageError) throw error;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the folder it goes in does not exist' : code === 'ENOSPC' ? 'no space left on the device' : code;
    throw new InputError(`--output ${output}: cannot write the snapshot (${why})`);
  }
}
