/**
 * Resource names and property values come from Azure, and anyone who can name a resource
 * chooses them. This is the one place that removes what no report medium should show:
 * escape sequences (which can move a terminal's cursor, rewrite earlier lines, set the window
 * title, add hyperlinks or hide text), other control characters, bidirectional embeddings,
 * overrides and isolates (which reorder what the reader sees: Trojan Source), and lone
 * surrogates (not characters at all). Each medium's escaper in text.ts and markup.ts starts
 * from `stripUnsafe` and adds what its own syntax needs.
 */

// ESC-initiated sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC
// (ESC P|X|^|_ … ST), then any other escape (intermediates, one final byte). The 8-bit
// forms (CSI 0x9b, OSC 0x9d, DCS/SOS/PM/APC 0x90/0x98/0x9e/0x9f, ST 0x9c) likewise. An
// unterminated string sequence runs to the end of the text, as a terminal would read it.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u001b\\][^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    '\\u001b[PX^_][^\\u001b\\u009c]*(?:\\u001b\\\\|\\u009c)?',
    '\\u001b[ -/]*[0-~]',
    '\\u009b[0-?]*[ -/]*[@-~]',
    '\\u009d[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    '[\\u0090\\u0098\\u009e\\u009f][^\\u001b\\u009c]*(?:\\u001b\\\\|\\u009c)?',
  ].join('|'),
  'g',
);
// Line and paragraph breaks, tabs, vertical tab, form feed and NEL: a break in one line of a
// report could forge the next line, so in one-line text they become a space.
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// What is left: C0 controls, DEL, C1 controls, bidi marks, embeddings, overrides and
// isolates, and lone surrogates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface StripOptions {
  /**
   * Keep newlines and tabs (for text a medium shows on several lines: a JUnit failure body,
   * an HTML `<pre>`). Other line breaks still become a space.
   */
  readonly keepNewlines?: boolean;
}

/** Untrusted text without escape sequences, controls, bidi overrides or lone surrogates. */
export function stripUnsafe(text: string, options: StripOptions = {}): string {
  const withoutEscapes = text.replace(ESCAPE_SEQUENCE, '');
  const lines = options.keepNewlines
    ? withoutEscapes.replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, (brk) => (brk.startsWith('\r') ? '\n' : ' '))
    : withoutEscapes.replace(LINE_BREAKS, ' ');
  return lines.replace(UNSAFE, '');
}

/** One line of text a terminal shows as it is. */
export function sanitizeForTerminal(text: string): string {
  return stripUnsafe(text);
}
