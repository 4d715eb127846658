/**
 * Escaping for the text formats reports are written in, and how much of an untrusted value
 * a report shows. Resource names, messages and evidence come from Azure and are untrusted:
 * every escaper here starts from `stripUnsafe` (escape sequences, controls, bidi overrides)
 * and adds what its format's syntax needs.
 */
import { escapeInvisible } from './json-stream.js';
import { stripUnsafe } from './sanitize.js';

/** A name longer than this is cut, with an ellipsis: enough for any real Azure name. */
export const MAX_NAME = 256;
/** Messages, reasons and ids that quote names are cut here, after the names in them are. */
export const MAX_TEXT = 2_000;

/**
 * Text cut to `max` characters, an ellipsis marking the cut. A surrogate pair is never split
 * (half of one is not a character, and XML has no way to write it).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** `1 rule`, `2 rules`: a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A name as reports show it: cut to MAX_NAME. */
export function shownName(name: string): string {
  return truncate(name, MAX_NAME);
}

/**
 * Free text as reports show it: each of `names` it quotes that is longer than MAX_NAME cut as
 * `shownName` cuts it (so a finding's message keeps its point after a 70,000-character name),
 * then the whole cut to MAX_TEXT.
 */
export function shownText(text: string, names: readonly string[] = []): string {
  let shown = text;
  for (const name of names) {
    if (name.length > MAX_NAME && shown.includes(name)) shown = shown.split(name).join(shownName(name));
  }
  return truncate(shown, MAX_TEXT);
}

/** The name segments of a finding's resource name (`nsg-a/allow-ssh`), for `shownText`. */
export function namesIn(resourceName: string): string[] {
  return [resourceName, ...resourceName.split('/')];
}

/** An ARM id as reports show it: each name in it cut as `shownName` cuts it. */
export function shownId(id: string): string {
  return shownText(id, id.split('/'));
}

/**
 * A JSON document, indented, ending in a newline. Values are kept exactly (a machine report
 * is data), but characters a viewer could be tricked by are written as `\uXXXX` escapes
 * (`escapeInvisible`), so that the file shown in a terminal or an editor is what it holds.
 * For a document too big for one string, `jsonDocumentChunks` writes the same text in pieces.
 */
export function jsonDocument(value: unknown): string {
  return `${escapeInvisible(JSON.stringify(value, null, 2))}\n`;
}

// XML 1.0 allows tab, newline and carriage return among the C0 controls, and no others;
// U+FFFE/U+FFFF are not characters (lone surrogates are gone with stripUnsafe).
const NOT_XML = /[\ufffe\uffff]/g;

/** Text for an XML element or attribute value; newlines are kept (attribute values normalise them). */
export function escapeXml(text: string): string {
  return stripUnsafe(text, { keepNewlines: true })
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// A spreadsheet runs a cell starting with one of these as a formula (the full-width forms
// too, in some locales).
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * A CSV cell (RFC 4180), on one line. A cell a spreadsheet would read as a formula (starting
 * with =, +, -, @, tab or carriage return) is prefixed with a quote, so that a resource named
 * `=HYPERLINK(…)` stays text when the report is opened in Excel.
 */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : stripUnsafe(String(value));
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

// Characters with a meaning in GitHub Markdown text, and `:` (`https:` autolinks a URL).
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|~>:-]/g;

/**
 * Text for a Markdown table cell or line: no table breaks, no markup, no raw HTML, no
 * autolinks or @-mentions (a resource named `@org/team` would notify the team).
 */
export function escapeMarkdown(text: string): string {
  return stripUnsafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`)
    .replace(/www\./gi, (www) => `${www.slice(0, 3)}\\.`)
    .replace(/@/g, '@&#8203;');
}

/**
 * Text as a Markdown code span, shown exactly: inside a code span backslash escapes are not
 * escapes (GitHub would show `vm\-elastic\-01`), so the text is fenced with one backtick more
 * than its longest run of them. In a table cell a `|` still ends the cell unless escaped as
 * `\|`, which GitHub shows as `|` even in a code span; outside a table it stays as it is.
 */
export function markdownCode(text: string, inTable = true): string {
  let code = stripUnsafe(text);
  if (code.trim() === '') return '';
  if (inTable) code = code.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a backtick at either end from joining the fence; the parser drops one of each.
  const padded = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ')) ? ` ${code} ` : code;
  return `${fence}${padded}${fence}`;
}

// SARIF plain-text messages link `[text](n)` to a result's related locations (code-scanning
// views follow such links); a literal bracket is written `\[` or `\]`, and a backslash
// before a bracket `\\` (SARIF 2.1.0, §3.11.6, embedded links).
const SARIF_BACKSLASH_BEFORE_BRACKET = /\\(?=[[\]])/g;

/** Text for a SARIF message's `text`: one line, no embedded links. */
export function sarifText(text: string): string {
  return stripUnsafe(text)
    .replace(SARIF_BACKSLASH_BEFORE_BRACKET, '\\\\')
    .replace(/[[\]]/g, (bracket) => `\\${bracket}`);
}
