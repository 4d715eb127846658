import type { ScanResult } from '../model/result.js';
import { UsageError } from '../inventory/errors.js';
import type { FormatName } from './formats.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html/report.js';
import { renderJson } from './json.js';
import { renderJsonLines } from './jsonl.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { terminalLines } from './terminal.js';
import { eachMapped } from './passes.js';

export interface RenderOptions {
  /** Colour is for terminals only; reporters that write files ignore it. */
  readonly color: boolean;
  readonly verbose: boolean;
  /**
   * Columns of the terminal the report is written to (`process.stdout.columns` when stdout
   * is a TTY); absent when it is not a terminal. Only the table report wraps; it wraps at 80
   * when no usable width is given.
   */
  readonly width?: number | undefined;
}

/**
 * A report as the pieces of its text, in order, to be written as they come: the machine
 * formats yield a piece per finding (or entry), so a report is never held as one string. The
 * pieces can be read once. The views for people are made whole before they are written (the
 * table as its lines, markdown and html as one piece each).
 */
export type Reporter = (result: ScanResult, options: RenderOptions) => Iterable<string>;

/** Reporters by the name `--format` takes. */
export const REPORTERS: Readonly<Record<FormatName, Reporter>> = {
  table: (result, options) => eachMapped(terminalLines(result, options), (line) => `${line}\n`),
  json: renderJson,
  jsonl: renderJsonLines,
  sarif: renderSarif,
  junit: renderJunit,
  csv: renderCsv,
  markdown: (result) => [renderMarkdown(result)],
  html: (result) => [renderHtml(result)],
};

/** A report as one string, for a caller that wants it whole (tests, a small report): the same reporter, joined. */
export function reportText(reporter: Reporter, result: ScanResult, options: RenderOptions): string {
  let text = '';
  for (const chunk of reporter(result, options)) text += chunk;
  return text;
}

export function reporterFor(name: string): Reporter {
  const reporter = REPORTERS[name.trim().toLowerCase() as FormatName];
  if (!reporter) throw new UsageError(`--format: unknown format '${name}' (expected ${Object.keys(REPORTERS).join(', ')})`);
  return reporter;
}
