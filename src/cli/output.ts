import { closeSync, openSync, writeSync } from 'node:fs';
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

/**
 * Pieces of a report are written in batches of about this many characters: a million small
 * pieces are not a million writes, and a batch is never the whole of a big report.
 */
export const WRITE_BATCH = 64 * 1024;

/** The pieces, joined into batches of at least `size` characters (but the last); a piece bigger than that is a batch of its own. */
export function* batched(chunks: Iterable<string>, size = WRITE_BATCH): Generator<string> {
  let batch = '';
  for (const chunk of chunks) {
    if (batch.length > 0 && batch.length + chunk.length > size) {
      yield batch;
      batch = '';
    }
    batch += chunk;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Writes a report to a file as its pieces come, or says in one line why it could not. The
 * writes are synchronous: nothing else runs while a report is written, and a caller that
 * does not wait cannot leave a file half written at exit.
 */
export function writeReportFile(path: string, report: string | Iterable<string>): void {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw notWritten(path, error);
  }
  try {
    // A failing reporter is an internal error, not a file that cannot be written: only the writes are caught.
    for (const batch of batched(typeof report === 'string' ? [report] : report)) {
      try {
        writeAll(fd, batch);
      } catch (error) {
        throw notWritten(path, error);
      }
    }
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

/**
 * Writes a report to stdout (or another stream) as its pieces come, waiting for the reader
 * when the stream's buffer is full, and returns once the last piece has left the process (the
 * CLI exits straight after: a batch still queued for a slow reader would be lost). When the
 * reader has gone (`azscan scan | head`: EPIPE, which main ignores) the rest is not written.
 */
export async function writeReportTo(stream: NodeJS.WritableStream & { readonly destroyed: boolean }, report: Iterable<string>): Promise<void> {
  let written: Promise<void> = Promise.resolve();
  for (const batch of batched(report)) {
    if (stream.destroyed) return;
    let room = true;
    // Write callbacks come in order: the last one says everything before it is out too.
    written = new Promise((resolve) => {
      room = stream.write(batch, () => resolve());
    });
    if (!room) await untilSettled(stream, 'drain');
  }
  if (!stream.destroyed) await Promise.race([written, untilSettled(stream)]);
}

/** Resolves on `event`, or when the stream fails or closes (the reader went away). */
function untilSettled(stream: NodeJS.WritableStream, event?: 'drain'): Promise<void> {
  return new Promise((resolve) => {
    const events = event ? [event, 'close', 'error'] : ['close', 'error'];
    const done = (): void => {
      for (const name of events) stream.off(name, done);
      resolve();
    };
    for (const name of events) stream.on(name, done);
  });
}

function notWritten(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError(`--output ${path}: ${whyNotWritten(path, code ?? (error as Error).message)}`);
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
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the device for the report';
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
