import type { ScanResult } from '../model/result.js';
import { UsageError } from '../inventory/errors.js';
import type { FormatName } from './formats.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html/report.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal.js';

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

export type Reporter = (result: ScanResult, options: RenderOptions) => string;

/** Reporters by the name `--format` takes. */
export const REPORTERS: Readonly<Record<FormatName, Reporter>> = {
  table: renderTerminal,
  json: renderJson,
  sarif: renderSarif,
  junit: renderJunit,
  csv: renderCsv,
  markdown: renderMarkdown,
  html: renderHtml,
};

export function reporterFor(name: string): Reporter {
  const reporter = REPORTERS[name.trim().toLowerCase() as FormatName];
  if (!reporter) throw new UsageError(`--format: unknown format '${name}' (expected ${Object.keys(REPORTERS).join(', ')})`);
  return reporter;
}
