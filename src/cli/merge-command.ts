import { exitCodeFor, EXIT, type ExitInput } from '../engine/exit-code.js';
import { mergeShardReports } from '../engine/merge.js';
import { readShardReport } from '../engine/shard-report.js';
import { UsageError } from '../inventory/errors.js';
import { parseSeverity } from '../model/severity.js';
import { jsonDocument } from '../report/text.js';
import { readInputText } from './baseline-file.js';
import { note, warn, writeReportFile } from './output.js';
import { checkOutputPaths } from './outputs.js';

/** The formats merge writes: the report is rebuilt from JSON documents, which carry what json needs. */
export const MERGE_FORMATS = ['json'] as const;

export interface MergeFlags {
  format: string;
  output?: string;
  failOn?: string;
  allowPartial?: boolean;
  quiet?: boolean;
}

/**
 * `azscan merge`: the reports of the N shards of one split scan (`scan --shard I/N --format
 * json`) as the one report the unsharded scan would have written, with its exit code under the
 * same `--fail-on` and `--allow-partial`. A shard missing is exit 3 (or 1 when a finding reaches
 * --fail-on), even with --allow-partial: a whole part of the estate was not looked at.
 */
export function runMerge(files: readonly string[], flags: MergeFlags): number {
  if (files.length === 0) throw new UsageError('merge: give the shard reports to merge (azscan merge shard-1.json shard-2.json …)');
  const format = flags.format.trim().toLowerCase();
  if (!(MERGE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: merge writes ${MERGE_FORMATS.join(', ')}, not '${flags.format}'`);
  const failOn = flags.failOn === undefined ? undefined : parseSeverity(flags.failOn, '--fail-on');
  checkOutputPaths(flags.output === undefined ? [] : [flags.output], files.map((path) => ({ flag: 'merge input', path })));

  const reports = files.map((path) => readShardReport(readInputText('', path), path));
  const { document, missing } = mergeShardReports(reports);
  const text = jsonDocument(document);
  if (flags.output !== undefined) {
    writeReportFile(flags.output, text);
    note(flags.quiet ?? false, `azscan: merged report of ${reports.length} shards written to ${flags.output}`);
  } else {
    process.stdout.write(text);
  }
  const count = reports[0]!.shard.count;
  for (const index of missing) warn(`shard ${index} of ${count} is missing (ShardMissing): the merged report is incomplete`);
  const code = exitCodeFor(document as unknown as ExitInput, { ...(failOn ? { failOn } : {}), allowPartial: flags.allowPartial ?? false });
  return missing.length > 0 && code === EXIT.ok ? EXIT.incomplete : code;
}
