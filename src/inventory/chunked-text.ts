import type { ValidatedText } from './json-error.js';

/** Text read piece by piece (a file, decoded as it is read); `undefined` once it has ended. */
export interface TextChunks {
  next(): string | undefined;
}

/** Text before the furthest offset asked for that is kept: the validator looks back only a few characters. */
const KEPT_BEHIND = 1024;

/**
 * Chunks as one text for the JSON validator, holding only a window of it: what lies further
 * back than the validator can look is dropped, counting its line breaks so that a position is
 * still given as line and column of the whole text.
 */
export class ChunkedText implements ValidatedText {
  private window = '';
  /** Offset in the whole text of the window's first character. */
  private start = 0;
  private ended = false;
  private droppedLines = 0;
  /** Offset of the last line break dropped, -1 when none. */
  private droppedLastBreak = -1;

  constructor(private readonly chunks: TextChunks) {}

  at(offset: number): string | undefined {
    this.reach(offset + 1);
    return this.window[offset - this.start];
  }

  startsWith(word: string, offset: number): boolean {
    this.reach(offset + word.length);
    return this.window.startsWith(word, offset - this.start);
  }

  slice(from: number, to: number): string {
    this.reach(to);
    return this.window.slice(from - this.start, to - this.start);
  }

  position(offset: number): { line: number; column: number } {
    const before = this.window.slice(0, offset - this.start);
    let lines = this.droppedLines;
    let lastBreak = this.droppedLastBreak;
    for (let at = before.indexOf('\n'); at >= 0; at = before.indexOf('\n', at + 1)) {
      lines++;
      lastBreak = this.start + at;
    }
    return { line: lines + 1, column: offset - lastBreak };
  }

  /** Reads until the window holds the text up to `end` (or the text has ended). */
  private reach(end: number): void {
    while (!this.ended && this.start + this.window.length < end) {
      const chunk = this.chunks.next();
      if (chunk === undefined) {
        this.ended = true;
        return;
      }
      const drop = Math.max(0, end - KEPT_BEHIND - this.start);
      if (drop > 0) this.dropFront(Math.min(drop, this.window.length));
      this.window += chunk;
    }
  }

  private dropFront(count: number): void {
    const dropped = this.window.slice(0, count);
    for (let at = dropped.indexOf('\n'); at >= 0; at = dropped.indexOf('\n', at + 1)) {
      this.droppedLines++;
      this.droppedLastBreak = this.start + at;
    }
    this.window = this.window.slice(count);
    this.start += count;
  }
}
