/**
 * JSON written in pieces, so that a report with a million findings is never one string (V8's
 * longest string is about 512 MB, and a pretty-printed finding is 1.5 KB). The pieces, joined,
 * are exactly what `JSON.stringify(value, null, indent)` writes for the same value, with the
 * characters a viewer could be tricked by written as escapes (see `escapeInvisible`).
 */
import { eachMapped } from './passes.js';

/** A JSON array whose items are read once, one at a time, as it is written. */
export class StreamedArray {
  constructor(readonly items: Iterable<unknown>) {}
}

/**
 * A JSON object written member by member, in the order of `members` (a member may itself be
 * streamed). A member whose value is undefined is left out, as JSON.stringify leaves it out.
 */
export class StreamedObject {
  constructor(readonly members: Readonly<Record<string, unknown>>) {}
}

// Characters JSON.stringify writes raw that a viewer of the file could be tricked by: DEL,
// C1 controls, bidi marks, embeddings, overrides and isolates, and the line separators.
const JSON_INVISIBLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the characters above written as `\uXXXX` escapes. They can only occur inside
 * strings, where an escape means the same character, so this is safe on any piece of JSON.
 */
export function escapeInvisible(json: string): string {
  return json.replace(JSON_INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The JSON text of `value` in pieces: one piece per item of a streamed array and per member of
 * a streamed object, each plain value written whole. `indent` 0 is compact (one line);
 * `depth` is how deep `value` sits in the document being written.
 */
export function* jsonChunks(value: unknown, indent: number, depth = 0): Generator<string> {
  if (value instanceof StreamedArray) {
    yield* streamedList('[', ']', eachMapped(value.items, (item): [string, unknown] => ['', item === undefined ? null : item]), indent, depth);
  } else if (value instanceof StreamedObject) {
    const members = Object.entries(value.members).filter(([, member]) => member !== undefined);
    yield* streamedList('{', '}', eachMapped(members, ([key, member]): [string, unknown] => [`${JSON.stringify(key)}${indent > 0 ? ': ' : ':'}`, member]), indent, depth);
  } else {
    const text = JSON.stringify(value, null, indent) ?? 'null';
    // JSON.stringify escapes every newline inside a string, so each one here is layout.
    yield escapeInvisible(indent > 0 && depth > 0 ? text.replace(/\n/g, `\n${' '.repeat(indent * depth)}`) : text);
  }
}

function* streamedList(open: string, close: string, entries: Iterable<[string, unknown]>, indent: number, depth: number): Generator<string> {
  const inner = indent > 0 ? `\n${' '.repeat(indent * (depth + 1))}` : '';
  let first = true;
  for (const [prefix, entry] of entries) {
    yield `${first ? open : ','}${inner}${escapeInvisible(prefix)}`;
    first = false;
    yield* jsonChunks(entry, indent, depth + 1);
  }
  yield first ? `${open}${close}` : `${indent > 0 ? `\n${' '.repeat(indent * depth)}` : ''}${close}`;
}

/** A whole JSON document in pieces, indented by 2, ending in a newline. */
export function* jsonDocumentChunks(value: unknown): Generator<string> {
  yield* jsonChunks(value, 2);
  yield '\n';
}
