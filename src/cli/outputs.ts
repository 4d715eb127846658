import { UsageError } from '../errors.js';
import { FORMAT_NAMES, type FormatName } from '../report/formats.js';

/** Where each report goes: stdout in one format, and files in others. */
export interface OutputPlan {
  /** The format printed on stdout, or undefined when a plain `--output FILE` took it. */
  readonly stdout: FormatName | undefined;
  readonly files: ReadonlyArray<{ readonly format: FormatName; readonly path: string }>;
}

/**
 * `--output FILE` writes the `--format` report to FILE instead of stdout; `--output NAME=FILE`
 * (repeatable) writes the NAME report to FILE as well, so one scan can feed a CI's SARIF
 * upload, its test view and its log at once.
 */
export function planOutputs(format: string, outputs: readonly string[]): OutputPlan {
  const main = parseFormat(format, '--format');
  const files: Array<{ format: FormatName; path: string }> = [];
  let stdout: FormatName | undefined = main;
  for (const output of outputs) {
    const named = /^([a-z]+)=(.+)$/i.exec(output);
    if (named && (FORMAT_NAMES as readonly string[]).includes(named[1]!.toLowerCase())) {
      files.push({ format: named[1]!.toLowerCase() as FormatName, path: named[2]! });
    } else {
      if (stdout === undefined) throw new UsageError(`--output: only one plain FILE may be given (for more, use NAME=FILE, e.g. sarif=azscan.sarif)`);
      files.push({ format: main, path: output });
      stdout = undefined;
    }
  }
  const paths = files.map((file) => file.path);
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice) throw new UsageError(`--output: ${twice} is given twice`);
  return { stdout, files };
}

function parseFormat(text: string, flag: string): FormatName {
  const name = text.trim().toLowerCase();
  if (!(FORMAT_NAMES as readonly string[]).includes(name)) throw new UsageError(`${flag}: unknown format '${text}' (expected ${FORMAT_NAMES.join(', ')})`);
  return name as FormatName;
}
