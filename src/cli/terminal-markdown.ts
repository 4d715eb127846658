import { Chalk, type ChalkInstance } from 'chalk';
import { visibleLength, wrap } from '../report/wrap.js';

export interface TerminalMarkdownOptions {
  /** Columns to wrap prose at; code blocks are never wrapped, so that they can be pasted. */
  readonly width: number;
  readonly color: boolean;
}

type Style = (text: string) => string;

/**
 * Markdown as a person reads it in a terminal: the CommonMark the rule docs are written in —
 * headings, paragraphs, nested lists, fenced code, tables, block quotes, rules, and inline code,
 * emphasis and links — as plain text without the markup, wrapped to the width. Links keep their
 * URL ("text (URL)"), since a terminal cannot follow them. Colour and bold only when asked.
 */
export function renderMarkdownForTerminal(markdown: string, options: TerminalMarkdownOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  return `${renderBlocks(markdown.replace(/\r\n?/g, '\n').split('\n'), Math.max(20, options.width), c).join('\n').trim()}\n`;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function startsBlock(line: string, next: string | undefined): boolean {
  return FENCE.test(line) || HEADING.test(line) || THEMATIC_BREAK.test(line) || LIST_ITEM.test(line) || QUOTE.test(line) || isTableStart(line, next);
}

function isTableStart(line: string, next: string | undefined): boolean {
  return line.includes('|') && next !== undefined && next.includes('-') && TABLE_DELIMITER.test(next);
}

function renderBlocks(lines: readonly string[], width: number, c: ChalkInstance): string[] {
  const out: string[] = [];
  const separate = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      const indent = line.length - line.trimStart().length;
      const code: string[] = [];
      for (i++; i < lines.length && !closing.test(lines[i]!); i++) code.push(lines[i]!.replace(new RegExp(`^ {0,${indent}}`), ''));
      i++;
      separate();
      out.push(...code.map((text) => (text === '' ? '' : `    ${c.cyan(text)}`)), '');
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      separate();
      out.push(...renderHeading(heading[1]!.length, heading[2]!, width, c), '');
      i++;
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      separate();
      out.push(c.dim('─'.repeat(Math.min(width, 40))), '');
      i++;
      continue;
    }
    if (isTableStart(line, lines[i + 1])) {
      const rows = [line];
      for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim() !== ''; i++) rows.push(lines[i]!);
      separate();
      out.push(...renderTable(rows.map(splitRow), width, c), '');
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]!); i++) quoted.push(lines[i]!.replace(QUOTE, ''));
      separate();
      const inner = renderBlocks(quoted, width - 2, c);
      while (inner[inner.length - 1] === '') inner.pop();
      out.push(...inner.map((text) => (text === '' ? c.dim('│') : c.dim('│ ') + text)), '');
      continue;
    }
    if (LIST_ITEM.test(line)) {
      separate();
      for (; i < lines.length && LIST_ITEM.test(lines[i]!); ) {
        const [, indent, marker, first] = LIST_ITEM.exec(lines[i]!)!;
        const text = [first!];
        // Continuation lines: anything up to a blank line or the next block, the next item included.
        for (i++; i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!, lines[i + 1]); i++) text.push(lines[i]!.trim());
        const level = Math.floor(indent!.replace(/\t/g, '    ').length / 2);
        const bullet = /\d/.test(marker!) ? marker! : '•';
        const first_ = `${'  '.repeat(level)}${bullet} `;
        out.push(...wrap(renderInline(text.join(' '), c), width, ' '.repeat(first_.length), first_));
        // A blank line between items keeps the list going.
        if (lines[i]?.trim() === '' && LIST_ITEM.test(lines[i + 1] ?? '')) i++;
      }
      out.push('');
      continue;
    }
    const paragraph: string[] = [];
    for (; i < lines.length && lines[i]!.trim() !== '' && (paragraph.length === 0 || !startsBlock(lines[i]!, lines[i + 1])); i++) paragraph.push(lines[i]!.trim());
    separate();
    out.push(...wrap(renderInline(paragraph.join(' '), c), width, ''), '');
  }
  return out;
}

/** Level 1 underlined with `=`, level 2 in capitals (as a manual's sections are), deeper ones underlined with `-`. */
function renderHeading(level: number, text: string, width: number, c: ChalkInstance): string[] {
  const rendered = renderInline(level === 2 ? text.toUpperCase() : text, c);
  const lines = wrap(styleWords(rendered, c.bold), width, '');
  if (level === 2) return lines;
  const underline = (level === 1 ? '=' : '-').repeat(Math.min(width, Math.max(...lines.map(visibleLength))));
  return [...lines, c.dim(underline)];
}

/** A table in columns when it fits the width; otherwise each row as `header: value` lines. */
function renderTable(rows: string[][], width: number, c: ChalkInstance): string[] {
  const [header = [], ...body] = rows.map((cells) => cells.map((cell) => renderInline(cell, c)));
  const columns = Math.max(header.length, ...body.map((row) => row.length));
  const cell = (row: readonly string[], index: number): string => row[index] ?? '';
  const widths = Array.from({ length: columns }, (_, index) => Math.max(...[header, ...body].map((row) => visibleLength(cell(row, index)))));
  const gap = '  ';
  if (widths.reduce((sum, w) => sum + w, 0) + gap.length * (columns - 1) <= width) {
    const line = (row: readonly string[], style: Style = (text) => text): string =>
      widths.map((w, index) => style(pad(cell(row, index), w))).join(gap).trimEnd();
    return [line(header, c.bold), c.dim(widths.map((w) => '─'.repeat(w)).join(gap)), ...body.map((row) => line(row))];
  }
  return body.flatMap((row, r) => [
    ...(r > 0 ? [''] : []),
    ...Array.from({ length: columns }, (_, index) => {
      const label = styleWords(`${cell(header, index) || `column ${index + 1}`}:`, c.bold);
      const lines = wrap(cell(row, index), width, '    ', `${label} `);
      return lines.length > 0 ? lines : [label];
    }).flat(),
  ]);
}

/** The cells of a table row: split on `|` outside code spans, escaped `\|` kept. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let code = false;
  const text = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '`') {
      code = !code;
      current += ch;
    } else if (ch === '|' && !code) {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Inline Markdown without its markup: code spans, emphasis, links and images as "text (URL)", escapes, entities. */
function renderInline(text: string, c: ChalkInstance): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (ch === '\\' && /^[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(rest)![0];
      const end = findBacktickRun(text, i + run.length, run.length);
      if (end !== -1) {
        const code = text.slice(i + run.length, end).replace(/^ (.*) $/s, '$1');
        out += styleWords(code, c.cyan);
        i = end + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    const autolink = /^<((?:https?|mailto):[^>\s]+)>/.exec(rest);
    if (autolink) {
      out += styleWords(autolink[1]!, c.underline);
      i += autolink[0].length;
      continue;
    }
    const link = /^!?\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/.exec(rest);
    if (link) {
      const label = renderInline(link[1]!, c);
      const url = link[2]!;
      out += link[1] === url || label === '' ? styleWords(url, c.underline) : `${label} (${styleWords(url, c.underline)})`;
      i += link[0].length;
      continue;
    }
    if (ch === '*' || ch === '_') {
      const run = new RegExp(`^\\${ch}{1,3}`).exec(rest)![0];
      const before = text[i - 1] ?? ' ';
      const after = text[i + run.length] ?? ' ';
      // `_` inside a word (snake_case) is a character, as CommonMark has it.
      const opens = !/\s/.test(after) && (ch === '*' || !/[\p{L}\p{N}]/u.test(before));
      const end = opens ? findCloser(text, i + run.length, run) : -1;
      if (end !== -1) {
        const inner = renderInline(text.slice(i + run.length, end), c);
        const style: Style = run.length === 1 ? c.italic : run.length === 2 ? c.bold : (s) => c.bold.italic(s);
        out += styleWords(inner, style);
        i = end + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    const entity = /^&(#\d{1,6}|#x[\da-f]{1,6}|[a-z]+);/i.exec(rest);
    if (entity) {
      const name = entity[1]!;
      const code = name.startsWith('#') ? Number.parseInt(name.slice(name[1] === 'x' || name[1] === 'X' ? 2 : 1), name[1] === 'x' || name[1] === 'X' ? 16 : 10) : undefined;
      const decoded = code !== undefined ? (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined) : ENTITIES[name.toLowerCase()];
      if (decoded !== undefined) {
        out += decoded;
        i += entity[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** Where a backtick run of exactly `length` starts, from `from`; -1 when there is none. */
function findBacktickRun(text: string, from: number, length: number): number {
  for (let i = from; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    const run = /^`+/.exec(text.slice(i))![0];
    if (run.length === length) return i;
    i += run.length;
  }
  return -1;
}

/** The closing emphasis run: not after a space, not inside a code span. */
function findCloser(text: string, from: number, run: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '`') {
      const ticks = /^`+/.exec(text.slice(i))![0];
      const end = findBacktickRun(text, i + ticks.length, ticks.length);
      i = end === -1 ? i + ticks.length - 1 : end + ticks.length - 1;
    } else if (text.startsWith(run, i) && !/\s/.test(text[i - 1] ?? ' ') && text[i + run.length] !== run[0] && i > from) {
      return i;
    }
  }
  return -1;
}

/** Styles word by word, so that a style never runs on into the indent of a wrapped line. */
function styleWords(text: string, style: Style): string {
  return text
    .split(' ')
    .map((word) => (word === '' ? word : style(word)))
    .join(' ');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
