import type { ScanResult } from '../engine/result.js';
import { UsageError } from '../errors.js';
import type { FormatName } from './formats.js';
import { renderJson } from './json.js';
import { renderTerminal } from './terminal.js';

export interface RenderOptions {
  /** Colour is for terminals only; reporters that write files ignore it. */
  readonly color: boolean;
  readonly verbose: boolean;
}

export type Reporter = (result: ScanResult, options: RenderOptions) => string;

/** Reporters by the name `--format` takes. */
export const REPORTERS: Readonly<Record<FormatName, Reporter>> = {
  table: renderTerminal,
  json: renderJson,
};

export function reporterFor(name: string): Reporter {
  const reporter = REPORTERS[name.trim().toLowerCase() as FormatName];
  if (!reporter) throw new UsageError(`--format: unknown format '${name}' (expected ${Object.keys(REPORTERS).join(', ')})`);
  return reporter;
}
