/**
 * Where a JSON text breaks and why, for error messages. JSON.parse says where only on some
 * Node versions ("at position 17") and not on others, so on failure the text is scanned
 * again by this small validator. It runs only after a parse has failed, over a whole string or
 * (for a snapshot too large to hold as one) over the file again, chunk by chunk.
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * The text the validator reads: by offset, forward only, looking at most a few hundred
 * characters ahead of where it is. Offsets and columns count UTF-16 code units, as a
 * JavaScript string does.
 */
export interface ValidatedText {
  at(offset: number): string | undefined;
  startsWith(word: string, offset: number): boolean;
  slice(start: number, end: number): string;
  position(offset: number): { line: number; column: number };
}

class StringText implements ValidatedText {
  constructor(private readonly text: string) {}
  at(offset: number): string | undefined {
    return this.text[offset];
  }
  startsWith(word: string, offset: number): boolean {
    return this.text.startsWith(word, offset);
  }
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  position(offset: number): { line: number; column: number } {
    const before = this.text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  }
}

class Failure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return findJsonSyntaxErrorIn(new StringText(text));
}

export function findJsonSyntaxErrorIn(text: ValidatedText): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw new Failure(i, message);
  };
  const describe = (): string => {
    const ch = text.at(i);
    return ch === undefined ? 'the end of the text' : `'${ch}'`;
  };
  const space = (): void => {
    for (let ch = text.at(i); ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r'; ch = text.at(i)) i++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe()}`);
  };
  const string = (): void => {
    i++; // opening quote
    for (let ch = text.at(i); ch !== undefined; ch = text.at(i)) {
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text.at(i + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail('bad escape in a string');
      } else if (ch < ' ') fail('control character in a string');
      else i++;
    }
    fail('unterminated string');
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') fail(`unexpected ${describe()}`);
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const ch = text.at(i);
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail(`expected a value, found ${describe()}`);
  };
  const object = (): void => {
    i++;
    space();
    if (text.at(i) === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text.at(i) !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
      string();
      space();
      if (text.at(i) !== ':') fail(`expected ':' after a property name, found ${describe()}`);
      i++;
      value();
      space();
      if (text.at(i) === ',') {
        i++;
        continue;
      }
      if (text.at(i) === '}') {
        i++;
        return;
      }
      fail(`expected ',' or '}' in an object, found ${describe()}`);
    }
  };
  const array = (): void => {
    i++;
    space();
    if (text.at(i) === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      space();
      if (text.at(i) === ',') {
        i++;
        continue;
      }
      if (text.at(i) === ']') {
        i++;
        return;
      }
      fail(`expected ',' or ']' in an array, found ${describe()}`);
    }
  };

  try {
    space();
    if (text.at(i) === undefined) fail('the text is empty');
    value();
    space();
    if (text.at(i) !== undefined) fail(`unexpected ${describe()} after the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { offset: error.offset, ...text.position(error.offset), message: error.message };
  }
}
