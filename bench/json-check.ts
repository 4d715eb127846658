import { closeSync, openSync, readSync } from 'node:fs';

/** What checkJsonFile found: whether the file is one JSON value, and its outline. */
export interface JsonOutline {
  readonly valid: boolean;
  readonly error?: string;
  /** The top-level object's keys, in file order. */
  readonly keys: string[];
  /** The number of elements of each top-level array member (`findings` → 1234). */
  readonly arrayLengths: Record<string, number>;
}

const OBJECT = 1;
const ARRAY = 2;
const enum State {
  Value,
  ValueOrEndArray,
  KeyOrEndObject,
  Key,
  Colon,
  CommaOrEnd,
  Done,
}
const enum Token {
  None,
  String,
  Number,
  Literal,
}
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Checks that a file of any size is one JSON value, reading it in chunks: a report larger
 * than V8's longest string cannot be read whole to JSON.parse it.
 */
export function checkJsonFile(path: string): JsonOutline {
  const checker = new JsonChecker();
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) {
      if (!checker.feed(buffer, n)) break;
    }
  } finally {
    closeSync(fd);
  }
  return checker.end();
}

class JsonChecker {
  private state = State.Value;
  private token = Token.None;
  private readonly stack: number[] = [];
  private text = '';
  private isKey = false;
  private keyBytes: number[] | undefined;
  private escaped = false;
  private hexLeft = 0;
  private offset = 0;
  private error: string | undefined;
  private topKey = '';
  private readonly keys: string[] = [];
  private readonly arrayLengths: Record<string, number> = {};

  feed(bytes: Buffer, length: number): boolean {
    for (let i = 0; i < length; i++) {
      const c = bytes[i]!;
      if (this.token === Token.String) {
        this.stringByte(c);
      } else if (this.token !== Token.None) {
        const inToken = this.token === Token.Number ? (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69 : c >= 97 && c <= 122;
        if (inToken) this.text += String.fromCharCode(c);
        else {
          this.endScalar();
          i--;
          continue;
        }
      } else if (!(c === 32 || c === 10 || c === 13 || c === 9)) {
        this.structural(c);
      }
      if (this.error !== undefined) return false;
      this.offset++;
    }
    return true;
  }

  end(): JsonOutline {
    if (this.error === undefined && (this.token === Token.Number || this.token === Token.Literal)) this.endScalar();
    if (this.error === undefined && (this.state !== State.Done || this.token !== Token.None)) this.error = `unexpected end of file at byte ${this.offset}`;
    return { valid: this.error === undefined, ...(this.error === undefined ? {} : { error: this.error }), keys: this.keys, arrayLengths: this.arrayLengths };
  }

  private fail(what: string): void {
    this.error ??= `${what} at byte ${this.offset}`;
  }

  private structural(c: number): void {
    switch (this.state) {
      case State.KeyOrEndObject:
      case State.Key:
        if (c === 125 && this.state === State.KeyOrEndObject) return this.close(OBJECT);
        if (c !== 34) return this.fail('expected a key');
        this.token = Token.String;
        this.isKey = true;
        this.keyBytes = this.stack.length === 1 ? [] : undefined;
        return;
      case State.Colon:
        if (c !== 58) return this.fail('expected a colon');
        this.state = State.Value;
        return;
      case State.CommaOrEnd:
        if (c === 44) {
          this.state = this.stack[this.stack.length - 1] === OBJECT ? State.Key : State.Value;
          return;
        }
        return this.close(c === 125 ? OBJECT : c === 93 ? ARRAY : 0);
      case State.ValueOrEndArray:
        if (c === 93) return this.close(ARRAY);
        return this.startValue(c);
      case State.Value:
        return this.startValue(c);
      case State.Done:
        return this.fail('text after the value');
    }
  }

  private startValue(c: number): void {
    if (this.stack.length === 2 && this.stack[0] === OBJECT && this.stack[1] === ARRAY) this.arrayLengths[this.topKey] = (this.arrayLengths[this.topKey] ?? 0) + 1;
    if (c === 123 || c === 91) {
      this.stack.push(c === 123 ? OBJECT : ARRAY);
      this.state = c === 123 ? State.KeyOrEndObject : State.ValueOrEndArray;
    } else if (c === 34) {
      this.token = Token.String;
      this.isKey = false;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      this.token = Token.Number;
      this.text = String.fromCharCode(c);
    } else if (c === 116 || c === 102 || c === 110) {
      this.token = Token.Literal;
      this.text = String.fromCharCode(c);
    } else this.fail('expected a value');
  }

  private close(kind: number): void {
    if (kind === 0 || this.stack.pop() !== kind) return this.fail('mismatched bracket');
    this.valueDone();
  }

  private valueDone(): void {
    this.state = this.stack.length === 0 ? State.Done : State.CommaOrEnd;
  }

  private endScalar(): void {
    const ok = this.token === Token.Number ? NUMBER.test(this.text) : this.text === 'true' || this.text === 'false' || this.text === 'null';
    this.token = Token.None;
    if (!ok) return this.fail(`bad token ${JSON.stringify(this.text.slice(0, 20))}`);
    this.valueDone();
  }

  private stringByte(c: number): void {
    if (this.hexLeft > 0) {
      this.hexLeft--;
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) this.fail('bad \\u escape');
    } else if (this.escaped) {
      this.escaped = false;
      if (c === 117) this.hexLeft = 4;
      else if (!'"\\/bfnrt'.includes(String.fromCharCode(c))) this.fail('bad escape');
    } else if (c === 92) this.escaped = true;
    else if (c === 34) {
      this.token = Token.None;
      if (!this.isKey) return this.valueDone();
      this.state = State.Colon;
      if (this.keyBytes) {
        this.topKey = Buffer.from(this.keyBytes).toString('utf8');
        this.keys.push(this.topKey);
        this.keyBytes = undefined;
      }
      return;
    } else if (c < 32) return this.fail('control character in a string');
    this.keyBytes?.push(c);
  }
}
