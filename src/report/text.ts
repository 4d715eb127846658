/**
 * Escaping for the text formats reports are written in. Resource names, messages and
 * evidence come from Azure and are untrusted; each format has its own dangerous characters.
 */

// XML 1.0 allows tab, newline and carriage return among the C0 controls, and no others;
// lone surrogates and U+FFFE/U+FFFF are not characters at all.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A CSV cell (RFC 4180). A cell a spreadsheet would read as a formula (starting with =, +,
 * -, @, tab or carriage return) is prefixed with a quote, so that a resource named
 * `=HYPERLINK(…)` stays text when the report is opened in Excel.
 */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text for a Markdown table cell or line: no table breaks, no markup, no raw HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~>-]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/&(?!lt;)/g, '&amp;');
}

/** Text cut to `max` characters, an ellipsis marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
