import type { ScanResult } from '../model/result.js';
import { findingEntry, reportHead, reportTail } from './json.js';
import { escapeInvisible, jsonChunks, StreamedObject } from './json-stream.js';

/**
 * JSON Lines, for ticketing pipelines that read a report as it is written: one compact JSON
 * object per line, `kind` first. A `finding` line per finding (the fields of a `findings`
 * entry of the JSON report, in its order), a `notEvaluated` line per entry, a `collectionError`
 * line per read error, and the `summary` line last, with what the JSON report says of the scan
 * as a whole (schema version, tool, source, summary, subscriptions, and the suppressions,
 * baseline and compliance view when there are any): a file without it was cut short.
 * JSON.stringify escapes every line break inside a string, and escapeInvisible the Unicode
 * line separators, so a line is always one record, whatever the names in it.
 */
export function* renderJsonLines(result: ScanResult): Generator<string> {
  for (const finding of result.findings) yield line({ kind: 'finding', ...findingEntry(finding) });
  for (const entry of result.notEvaluated) yield line({ kind: 'notEvaluated', ...entry });
  for (const error of result.collectionErrors) yield line({ kind: 'collectionError', ...error });
  // The last line may be long (a baseline lists every fixed finding), so it is written in pieces too.
  yield* jsonChunks(new StreamedObject({ kind: 'summary', ...reportHead(result), ...reportTail(result) }), 0);
  yield '\n';
}

function line(record: Readonly<Record<string, unknown>>): string {
  return `${escapeInvisible(JSON.stringify(record))}\n`;
}
