import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../inventory/errors.js';
import { sanitizeForTerminal } from '../report/sanitize.js';

/**
 * Colour only on a terminal, never when NO_COLOR is set (https://no-color.org: any
 * non-empty value) or `--no-color` was given.
 */
export function colorWanted(stream: NodeJS.WriteStream, flag: boolean): boolean {
  if (!flag) return false;
  if ((process.env.NO_COLOR ?? '') !== '') return false;
  return stream.isTTY === true;
}

/** The columns to fit text to: the terminal's width, or 80 when the output is not a terminal. */
export function outputWidth(stream: NodeJS.WriteStream): number {
  return stream.isTTY && stream.columns > 0 ? stream.columns : 80;
}

/** Writes a report to a file, or says in one line why it could not. */
export function writeReportFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`--output ${path}: ${whyNotWritten(path, code ?? (error as Error).message)}`);
  }
}

/** Usually caught before the scan by checkOutputPaths; this is for what changed since. */
function whyNotWritten(path: string, code: string): string {
  switch (code) {
    case 'ENOENT':
      return `the folder ${dirname(path)} does not exist`;
    case 'ENOTDIR':
      return `${dirname(path)} is not a folder`;
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied writing the report';
    default:
      return `cannot write the report (${code})`;
  }
}

/** Notes for a person watching: only on a terminal, never in --quiet mode. */
export function note(quiet: boolean, text: string): void {
  if (!quiet && process.stderr.isTTY) process.stderr.write(`${text}\n`);
}

/** Warnings always reach stderr: they say something about the result. */
export function warn(text: string): void {
  process.stderr.write(`azscan: warning: ${sanitizeForTerminal(text)}\n`);
}
