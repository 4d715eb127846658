/**
 * Resource names and property values come from Azure, and anyone who can name a resource
 * chooses them. Before such text reaches a terminal, escape sequences (which can move the
 * cursor, rewrite earlier lines, set the window title or hide text), other control
 * characters and bidirectional overrides (which reorder what the reader sees) are removed.
 */

// ESC-initiated sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC
// (ESC P|X|^|_ … ST), and two-character escapes. 8-bit CSI/OSC (0x9b, 0x9d) likewise.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// What is left: C0 controls, DEL, C1 controls, bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function sanitizeForTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/[\t\n\r]+/g, ' ').replace(CONTROL, '');
}
