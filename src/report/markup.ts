import { createHash } from 'node:crypto';
/*
 * HTML built from untrusted text. Every string in a report is untrusted: anyone who can name a resource in the tenant
 * chooses resource names, and messages, evidence and ARM error text quote them. The page is
 * therefore built only with the `html` tag below, which escapes every interpolated value
 * unless it is markup the tag itself produced. Untrusted text never reaches the script: the
 * script reads `data-*` attributes and textContent.
 */
import { stripUnsafe } from './sanitize.js';

/** Markup this module produced; anything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly markup: string) {}
}

export type Part = SafeHtml | string | number | undefined | false | readonly Part[];

export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let markup = strings[0]!;
  parts.forEach((part, i) => {
    markup += render(part) + strings[i + 1]!;
  });
  return new SafeHtml(markup);
}

function render(part: Part): string {
  if (part instanceof SafeHtml) return part.markup;
  if (typeof part === 'string' || typeof part === 'number') return escapeHtml(String(part));
  if (part === undefined || part === false) return '';
  return part.map(render).join('');
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe in an HTML text node and in a quoted attribute value: one line (the report shows
 * no untrusted text on several), without what no medium may show, the five characters with a
 * meaning in HTML written as entities.
 */
export function escapeHtml(text: string): string {
  return stripUnsafe(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/**
 * A whole self-contained page: nothing may be fetched, and the one style sheet and script run
 * by their hashes rather than 'unsafe-inline', so that should escaping ever fail, an injected
 * handler or script would still not run.
 */
export function htmlDocument(page: { readonly title: string; readonly style: string; readonly script?: string; readonly body: SafeHtml }): string {
  const scriptSource = page.script === undefined ? '' : `; script-src ${sha256(page.script)}`;
  const policy = `default-src 'none'; style-src ${sha256(page.style)}${scriptSource}; base-uri 'none'; form-action 'none'`;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${page.title}</title>
<style>${new SafeHtml(page.style)}</style>
</head>
<body>
${page.body}
${page.script === undefined ? false : html`<script>${new SafeHtml(page.script)}</script>`}
</body>
</html>
`.markup;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}
