import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../inventory/errors.js';
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
 * upload, its test view and its log at once. A value with `=` before any `/` is NAME=FILE, and
 * NAME must be a report azscan writes: a typo (`sraif=out.sarif`) is an error, not a table
 * report in a file called `sraif=out.sarif`. A file whose name has `=` in it is given with its
 * folder: `./a=b.json`.
 */
export function planOutputs(format: string, outputs: readonly string[]): OutputPlan {
  const main = parseFormat(format, '--format');
  const files: Array<{ format: FormatName; path: string }> = [];
  let stdout: FormatName | undefined = main;
  for (const output of outputs) {
    const named = /^([^=/\\]*)=(.*)$/s.exec(output);
    if (named) {
      const name = named[1]!.trim().toLowerCase();
      if (name === '') throw new UsageError(`--output ${output}: no report name before '=' (expected NAME=FILE with NAME one of ${FORMAT_NAMES.join(', ')})`);
      if (!(FORMAT_NAMES as readonly string[]).includes(name)) {
        throw new UsageError(`--output ${output}: '${named[1]}' is not a report name (expected NAME=FILE with NAME one of ${FORMAT_NAMES.join(', ')}; for a file whose name has '=' in it, write ./${output})`);
      }
      if (named[2] === '') throw new UsageError(`--output ${output}: no FILE after '${named[1]}=' (expected NAME=FILE, e.g. sarif=azscan.sarif)`);
      files.push({ format: name as FormatName, path: named[2]! });
    } else {
      if (stdout === undefined) throw new UsageError(`--output: only one plain FILE may be given (for more, use NAME=FILE, e.g. sarif=azscan.sarif)`);
      files.push({ format: main, path: output });
      stdout = undefined;
    }
  }
  return { stdout, files };
}

function parseFormat(text: string, flag: string): FormatName {
  const name = text.trim().toLowerCase();
  if (!(FORMAT_NAMES as readonly string[]).includes(name)) throw new UsageError(`${flag}: unknown format '${text}' (expected ${FORMAT_NAMES.join(', ')})`);
  return name as FormatName;
}

/** A file the command reads, which no output may overwrite: `{ flag: '--snapshot', path }`. */
export interface ReadFile {
  readonly flag: string;
  readonly path: string;
}

/**
 * Checks, before anything is read or written, that each output can be created (its folder
 * exists, it is not a folder) and that none of them is a file the command reads or another
 * output. Files are compared as the file system sees them: an existing file by device and
 * inode (symbolic and hard links, and a case-insensitive file system, included), a new one by
 * its folder's real path and its name.
 */
export function checkOutputPaths(outputs: readonly string[], reads: readonly ReadFile[]): void {
  const readBy = new Map<string, string>();
  for (const read of reads) {
    // One that cannot be read is refused when it is read, with its own reason.
    const stats = statOrUndefined(read.path, () => undefined);
    if (stats) readBy.set(fileKey(stats), read.flag);
  }
  const outputBy = new Map<string, string>();
  for (const output of outputs) {
    const key = outputKey(output);
    const flag = readBy.get(key);
    if (flag !== undefined) throw new UsageError(`--output ${output}: is the ${flag} file; azscan does not write over what it reads`);
    const earlier = outputBy.get(key);
    if (earlier !== undefined) throw new UsageError(earlier === output ? `--output: ${output} is given twice` : `--output: ${earlier} and ${output} are the same file`);
    outputBy.set(key, output);
  }
}

function outputKey(path: string): string {
  const cannotCheck = (code: string): never => {
    throw new UsageError(`--output ${path}: cannot be checked (${code})`);
  };
  const stats = statOrUndefined(path, cannotCheck);
  if (stats) {
    if (stats.isDirectory()) throw new UsageError(`--output ${path}: is a folder, not a file`);
    return fileKey(stats);
  }
  const folder = dirname(path);
  const folderStats = statOrUndefined(folder, cannotCheck);
  if (!folderStats) throw new UsageError(`--output ${path}: the folder ${folder} does not exist`);
  if (!folderStats.isDirectory()) throw new UsageError(`--output ${path}: ${folder} is not a folder`);
  return `path:${join(realpathSync(folder), basename(path))}`;
}

function fileKey(stats: Stats): string {
  return `inode:${stats.dev}:${stats.ino}`;
}

/** The file's stats; undefined when there is none; `otherwise` for any other failure (EACCES, ELOOP). */
function statOrUndefined(path: string, otherwise: (code: string) => undefined): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return otherwise(code ?? (error as Error).message);
  }
}
