import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { TextChunks } from './chunked-text.js';
import { InputError } from './errors.js';

/** How much of a snapshot is read at a time: large enough for few reads, small beside the estate. */
export const SNAPSHOT_CHUNK_BYTES = 2 * 1024 * 1024;

/** A snapshot file open for reading as text, chunk by chunk. */
export interface SnapshotText extends TextChunks {
  close(): void;
}

/**
 * Opens a snapshot file and decodes it as it is read: UTF-8, with or without a byte-order
 * mark, or UTF-16LE after its mark (exports made on Windows often carry one, and PowerShell 5's
 * `>` writes UTF-16). The text is never held whole, so a file larger than the longest string
 * V8 can make is read too.
 */
export function openSnapshotText(path: string, chunkBytes = SNAPSHOT_CHUNK_BYTES): SnapshotText {
  const fd = openSnapshotFd(path);
  try {
    return new DecodedFile(fd, path, chunkBytes);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Whether `path` is a folder (a snapshot folder); anything wrong with it is said when it is opened. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function openSnapshotFd(path: string): number {
  let fd: number | undefined;
  try {
    // Opened without blocking and checked before reading: a FIFO would wait for a writer, and
    // /dev/zero never ends. Any regular file is read, however large.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(`${path}: ${stats.isDirectory() ? 'is a directory' : `is ${kindOfFile(stats)}`}, not a snapshot file`);
    return fd;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw readError(path, error);
  }
}

function readError(path: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${path}: snapshot file not found`);
  if (code === 'EISDIR') return new InputError(`${path}: is a directory, not a snapshot file`);
  if (code === 'EACCES') return new InputError(`${path}: permission denied reading the snapshot`);
  return new InputError(`${path}: cannot read the snapshot (${code ?? (error as Error).message})`);
}

function kindOfFile(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'something other than a regular file';
}

class DecodedFile implements SnapshotText {
  private readonly buffer: Buffer;
  private decode: ((bytes: Buffer) => string) | undefined;
  private finish: () => string = () => '';
  private pending: Buffer = Buffer.alloc(0);
  private atStart = true;
  private ended = false;
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly path: string,
    chunkBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.max(1, chunkBytes));
  }

  next(): string | undefined {
    while (!this.ended) {
      const bytes = this.read();
      const text = bytes === undefined ? this.end() : this.decodeBytes(bytes);
      if (text === '') continue;
      if (this.atStart) {
        this.atStart = false;
        if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
      }
      return text;
    }
    return undefined;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private read(): Buffer | undefined {
    let count: number;
    try {
      count = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
    } catch (error) {
      throw readError(this.path, error);
    }
    return count === 0 ? undefined : this.buffer.subarray(0, count);
  }

  /** The encoding is chosen once the first two bytes are in. */
  private decodeBytes(bytes: Buffer): string {
    if (this.decode === undefined) {
      this.pending = Buffer.concat([this.pending, bytes]);
      if (this.pending.length < 2) return '';
      this.chooseEncoding(this.pending);
      const first = this.pending[0] === 0xff && this.pending[1] === 0xfe ? this.pending.subarray(2) : this.pending;
      this.pending = Buffer.alloc(0);
      return this.decode!(first);
    }
    return this.decode(bytes);
  }

  private end(): string {
    this.ended = true;
    if (this.decode === undefined) {
      // A file of fewer than two bytes.
      this.chooseEncoding(this.pending);
      return this.decode!(this.pending) + this.finish();
    }
    return this.finish();
  }

  private chooseEncoding(head: Buffer): void {
    if (head[0] === 0xff && head[1] === 0xfe) {
      // As Buffer#toString('utf16le') reads it: code unit by code unit, a trailing odd byte ignored.
      let odd: Buffer | undefined;
      this.decode = (bytes) => {
        const all = odd ? Buffer.concat([odd, bytes]) : bytes;
        const even = all.length - (all.length % 2);
        odd = even < all.length ? Buffer.from(all.subarray(even)) : undefined;
        return all.toString('utf16le', 0, even);
      };
      return;
    }
    const decoder = new StringDecoder('utf8');
    this.decode = (bytes) => decoder.write(bytes);
    this.finish = () => decoder.end();
  }
}
