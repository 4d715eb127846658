import { exitCodeFor, EXIT, type ExitInput } from '../engine/exit-code.js';
import { mergeShardReports } from '../engine/merge.js';
import { readShardReport } from '../engine/shard-report.js';
import { UsageError } from '../inventory/errors.js';
import { parseSeverity } from '../model/severity.js';
import { jsonDocumentChunks, StreamedArray, StreamedObject } from '../report/json-stream.js';
import { readInputText } from './baseline-file.js';
import { colorWanted, note, outputWidth, warn, writeReportFile, writeReportTo } from './output.js';
import { mergedScanResult } from '../engine/merged-result.js';
import { TOOL } from '../inventory/package.js';
import type { JsonObject } from '../inventory/types.js';
import type { FormatName } from '../report/formats.js';
import { checkOutputPaths } from './outputs.js';

/**
 * The formats merge writes: those a JSON report holds everything for. JUnit and HTML list
 * each rule × resource outcome (the passes too), which a JSON report does not carry.
 */
export const MERGE_FORMATS = ['json', 'sarif', 'csv', 'markdown', 'table'] as const;

export interface MergeFlags {
  format: string;
  output?: string;
  failOn?: string;
  allowPartial?: boolean;
  quiet?: boolean;
  color: boolean;
}

/**
 * `azscan merge`: the reports of the N shards of one split scan (`scan --shard I/N --format
 * json`) as the one report the unsharded scan would have written, with its exit code under the
 * same `--fail-on` and `--allow-partial`. A shard missing is exit 3 (or 1 when a finding reaches
 * --fail-on), even with --allow-partial: a whole part of the estate was not looked at.
 */
export async function runMerge(files: readonly string[], flags: MergeFlags): Promise<number> {
  if (files.length === 0) throw new UsageError('merge: give the shard reports to merge (azscan merge shard-1.json shard-2.json …)');
  const format = flags.format.trim().toLowerCase();
  if (!(MERGE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: merge writes ${MERGE_FORMATS.join(', ')}, not '${flags.format}'`);
  const failOn = flags.failOn === undefined ? undefined : parseSeverity(flags.failOn, '--fail-on');
  checkOutputPaths(flags.output === undefined ? [] : [flags.output], files.map((path) => ({ flag: 'merge input', path })));

  const reports = files.map((path) => readShardReport(readInputText('', path), path));
  const { document, missing } = mergeShardReports(reports);
  const report = format === 'json' ? mergedJson(document) : await renderMerged(document, format as FormatName, flags);
  if (flags.output !== undefined) {
    writeReportFile(flags.output, report);
    note(flags.quiet ?? false, `azscan: merged report of ${reports.length} shards written to ${flags.output}`);
  } else {
    await writeReportTo(process.stdout, report);
  }
  const count = reports[0]!.shard.count;
  for (const index of missing) warn(`shard ${index} of ${count} is missing (ShardMissing): the merged report is incomplete`);
  const code = exitCodeFor(document as unknown as ExitInput, { ...(failOn ? { failOn } : {}), allowPartial: flags.allowPartial ?? false });
  return missing.length > 0 && code === EXIT.ok ? EXIT.incomplete : code;
}

/** Another report of the merged result, as `scan --format` writes it; the catalogue is loaded only for these. */
async function renderMerged(document: JsonObject, format: FormatName, flags: MergeFlags): Promise<Iterable<string>> {
  const version = (document.tool as { version?: unknown }).version;
  if (version !== TOOL.version) throw new UsageError(`--format ${format}: the shards were written by azscan ${String(version)}, and their rules' texts come from this azscan's catalogue (${TOOL.version}); merge them with that version, or write json`);
  const [{ RULES }, { reporterFor }] = await Promise.all([import('../../rules/index.js'), import('../report/index.js')]);
  const result = mergedScanResult(document, RULES);
  const toTerminal = flags.output === undefined;
  return reporterFor(format)(result, { color: toTerminal && colorWanted(process.stdout, flags.color), verbose: false, ...(toTerminal ? { width: outputWidth(process.stdout) } : {}) });
}

/**
 * The merged JSON report in pieces, as `scan --format json` writes one: its long lists a
 * member at a time, never the whole report as one string.
 */
function mergedJson(document: JsonObject): Iterable<string> {
  const members: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) members[key] = Array.isArray(value) ? new StreamedArray(value) : value;
  return jsonDocumentChunks(new StreamedObject(members));
}
