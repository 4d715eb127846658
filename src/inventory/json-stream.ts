import type { TextChunks } from './chunked-text.js';

/** What a streamed JSON document holds, as it is read. */
export interface JsonDocumentVisitor {
  /** A field of the top-level object, parsed (`streamedKey` too when its value is not an array). */
  field(key: string, value: unknown): void;
  /**
   * The streamed array (the top-level array, or the value of `streamedKey`) starts. A key given
   * twice keeps its last value, as JSON.parse does: what an earlier one held is forgotten.
   */
  arrayStart(): void;
  /** One element of the streamed array, parsed on its own. */
  element(value: unknown): void;
}

/** The text is not JSON; where is for findJsonSyntaxErrorIn to say, over the text again. */
export class NotJson extends Error {}

export type DocumentRoot = { readonly kind: 'object' | 'array' } | { readonly kind: 'value'; readonly value: unknown };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Reads a JSON document from chunks without holding its text whole: the elements of the
 * top-level array, or of the array under `streamedKey` in the top-level object, are parsed
 * one by one as their text arrives; every other value is parsed whole. Each value's text is
 * found by bracket depth outside strings and then given to JSON.parse, which judges it, so
 * nothing JSON.parse of the whole text would refuse is accepted. On the first thing wrong it
 * throws NotJson.
 */
export function streamJsonDocument(chunks: TextChunks, streamedKey: string, visitor: JsonDocumentVisitor): DocumentRoot {
  const reader = new ValueReader(chunks);
  const first = reader.peekAfterSpace();
  let root: DocumentRoot;
  if (first === OPEN_BRACE) {
    reader.skip();
    readObject(reader, streamedKey, visitor);
    root = { kind: 'object' };
  } else if (first === OPEN_BRACKET) {
    visitor.arrayStart();
    readArray(reader, visitor);
    root = { kind: 'array' };
  } else {
    root = { kind: 'value', value: reader.value() };
  }
  if (reader.peekAfterSpace() !== -1) throw new NotJson('text after the JSON value');
  return root;
}

function readObject(reader: ValueReader, streamedKey: string, visitor: JsonDocumentVisitor): void {
  if (reader.peekAfterSpace() === CLOSE_BRACE) {
    reader.skip();
    return;
  }
  for (;;) {
    if (reader.peekAfterSpace() !== QUOTE) throw new NotJson('expected a property name');
    const key = reader.value() as string;
    if (reader.peekAfterSpace() !== COLON) throw new NotJson("expected ':'");
    reader.skip();
    if (key === streamedKey && reader.peekAfterSpace() === OPEN_BRACKET) {
      visitor.arrayStart();
      readArray(reader, visitor);
    } else {
      visitor.field(key, reader.value());
    }
    const next = reader.peekAfterSpace();
    reader.skip();
    if (next === CLOSE_BRACE) return;
    if (next !== COMMA) throw new NotJson("expected ',' or '}'");
  }
}

function readArray(reader: ValueReader, visitor: JsonDocumentVisitor): void {
  reader.skip(); // [
  if (reader.peekAfterSpace() === CLOSE_BRACKET) {
    reader.skip();
    return;
  }
  for (;;) {
    visitor.element(reader.value());
    const next = reader.peekAfterSpace();
    reader.skip();
    if (next === CLOSE_BRACKET) return;
    if (next !== COMMA) throw new NotJson("expected ',' or ']'");
  }
}

/**
 * A window on the text: from the start of the value being read to the end of the last chunk.
 * Text before that value is dropped as soon as more is read.
 */
class ValueReader {
  private text = '';
  private at = 0;
  private ended = false;

  constructor(private readonly chunks: TextChunks) {}

  /** The next character that is not white space (its code), or -1 at the end of the text. */
  peekAfterSpace(): number {
    for (;;) {
      while (this.at < this.text.length && isSpace(this.text.charCodeAt(this.at))) this.at++;
      if (this.at < this.text.length) return this.text.charCodeAt(this.at);
      if (!this.more(this.at)) return -1;
    }
  }

  skip(): void {
    this.at++;
  }

  /** The value that starts here (after white space), parsed. */
  value(): unknown {
    this.peekAfterSpace();
    // The window now starts at the value, so that reading on keeps all of its text.
    this.text = this.text.slice(this.at);
    this.at = 0;
    const end = this.valueEnd();
    this.at = end;
    try {
      return JSON.parse(this.text.slice(0, end));
    } catch {
      throw new NotJson('not a JSON value');
    }
  }

  /**
   * Where the value at the window's start ends: after its closing quote or bracket, or, for a
   * number or literal, at the next delimiter.
   */
  private valueEnd(): number {
    let depth = 0;
    let i = 0;
    for (;;) {
      if (i >= this.text.length) {
        if (this.more(0)) continue;
        if (depth === 0 && i > 0) return i;
        throw new NotJson('the text ends inside a value');
      }
      const code = this.text.charCodeAt(i);
      if (code === QUOTE) {
        const close = this.closingQuote(i);
        if (close < 0) {
          // Read on until the string closes; the loop comes back to this quote.
          if (!this.more(0)) throw new NotJson('unterminated string');
          continue;
        }
        i = close + 1;
        if (depth === 0) return i;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth++;
        i++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (depth === 0) return i;
        depth--;
        i++;
        if (depth === 0) return i;
      } else if (depth === 0 && (code === COMMA || code === COLON || isSpace(code))) {
        return i;
      } else {
        i++;
      }
    }
  }

  /** The quote closing the string opened at `open`, or -1 if it is not in the window yet. */
  private closingQuote(open: number): number {
    for (let at = this.text.indexOf('"', open + 1); at >= 0; at = this.text.indexOf('"', at + 1)) {
      let backslashes = 0;
      while (this.text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return at;
    }
    return -1;
  }

  /** Reads the next chunk, keeping the window from `keep` on; false at the end of the text. */
  private more(keep: number): boolean {
    if (this.ended) return false;
    const chunk = this.chunks.next();
    if (chunk === undefined) {
      this.ended = true;
      return false;
    }
    this.text = this.text.slice(keep) + chunk;
    this.at -= keep;
    return true;
  }
}
