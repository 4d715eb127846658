import { stripVTControlCharacters } from 'node:util';
import { Chalk, type ChalkInstance } from 'chalk';
import { sanitizeForTerminal as clean } from '../sanitize.js';
import { wrap } from '../wrap.js';
import { exposureRows, notFollowedRows, platformRows, PLATFORM_SENSITIVE_LEGEND, SENSITIVE_LEGEND, type ExposureRow, type NotFollowedRow } from './rows.js';
import type { ExposureReport } from '../../model/exposure.js';

export interface ExposureTableOptions {
  readonly color: boolean;
  /** Columns to fit: the terminal's width, or 80 when stdout is not a terminal. */
  readonly width: number;
}

/** A word of a cell and how it is coloured; a cell wraps only between words. */
interface Word {
  readonly text: string;
  readonly style?: (text: string) => string;
}

interface Column {
  readonly header: string;
  /** Words up to this long are never broken; a longer one (a long name) may be, when space is short. */
  readonly wholeWords: number;
  readonly words: (row: ExposureRow, c: ChalkInstance) => Word[];
}

const GAP = '  ';
/** With less room than this beside the other columns, the way in gets lines of its own under each row. */
const MIN_WAY_IN = 50;
const MAX_SERVICES = 6;
/** The five column headings need 41 columns; narrower terminals get lines that run over. */
const NARROWEST = 48;

const words = (text: string, style?: (text: string) => string): Word[] => clean(text).split(/ +/).filter(Boolean).map((part) => (style ? { text: part, style } : { text: part }));

const COLUMNS: readonly Column[] = [
  { header: 'ADDRESS', wholeWords: 39, words: (row) => words(row.address) },
  { header: 'PROTO', wholeWords: 5, words: (row) => words(row.protocol) },
  {
    header: 'PORTS',
    wholeWords: 11,
    words: (row, c) => [
      ...(row.frontendPorts === undefined ? [] : [...words(row.frontendPorts), { text: '→' }]),
      ...row.ports.map((part, i) => {
        const text = `${part.text}${part.sensitive ? '!' : ''}${i < row.ports.length - 1 ? ',' : ''}`;
        return part.sensitive ? { text, style: c.red.bold } : { text };
      }),
    ],
  },
  {
    header: 'SERVICES',
    wholeWords: 24,
    words: (row, c) => {
      const shown = row.services.length > MAX_SERVICES ? row.services.slice(0, MAX_SERVICES - 1) : row.services;
      const names = shown.map((named, i) => words(`${named.service}${i < row.services.length - 1 ? ',' : ''}`, named.sensitive ? c.red : undefined));
      if (shown.length < row.services.length) names.push(words(`+${row.services.length - shown.length} more`));
      return names.length === 0 ? [{ text: '—', style: c.dim }] : names.flat();
    },
  },
  { header: 'WORKLOAD', wholeWords: 24, words: (row, c) => words(row.workload, c.cyan) },
  { header: 'WAY IN', wholeWords: 24, words: (row, c) => words(row.wayIn, c.dim) },
];
const WAY_IN = COLUMNS.length - 1;
/** Where the way in starts when it has lines of its own under its row. */
const WAY_IN_INDENT = '    ';

/**
 * The exposure list for a person at a terminal: one row per endpoint with the columns
 * address, protocol, ports, services, workload and way in, fitted to `width`. Where the way
 * in has too little room beside the rest, it follows each row on lines of its own. Sensitive
 * ports carry a `!` (and colour, on a terminal), explained in a legend line.
 */
export function renderExposureTable(report: ExposureReport, options: ExposureTableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(NARROWEST, options.width);
  const rows = exposureRows(report.endpoints);
  const sensitive = rows.filter((row) => row.sensitive).length;
  const lines = [...wrap(c.bold(`Reachable from the internet (${rows.length})${sensitive > 0 ? `, ${sensitive} with a sensitive port` : ''}`), width, '  ', ''), ''];
  if (rows.length === 0) lines.push('  nothing: no public address leads to an open port', '');
  else lines.push(...table(rows, c, width), '');
  if (sensitive > 0) lines.push(...wrap(`${c.red.bold('!')} ${SENSITIVE_LEGEND}`, width, '  '), '');

  lines.push(...platformLines(report, c, width));
  unknownLines(lines, notFollowedRows(report.unknown), 'Not followed', c, width);
  unknownLines(lines, notFollowedRows(report.platformUnknown), 'Platform endpoints not evaluated', c, width);
  return `${lines.join('\n')}\n`;
}

function unknownLines(lines: string[], entries: readonly NotFollowedRow[], title: string, c: ChalkInstance, width: number): void {
  if (entries.length === 0) return;
  lines.push(c.magenta.bold(`${title} (${entries.length})`), '');
  for (const entry of entries) lines.push(...wrap(`${clean(entry.name)}: ${clean(`${entry.code}: ${entry.reason}`)}`, width, '      ', '  '));
  lines.push('');
}

/**
 * Platform endpoints, when there are any: per endpoint a line with the host, its ports (a
 * sensitive one marked `!`), who reaches it and the methods it accepts, then, indented, the
 * resource and every grant. Nothing at all when there are none, so that a list of an estate
 * without them reads as it did before they were added.
 */
function platformLines(report: ExposureReport, c: ChalkInstance, width: number): string[] {
  const rows = platformRows(report.platformEndpoints);
  if (rows.length === 0) return [];
  const sensitive = rows.filter((row) => row.sensitive).length;
  const lines = [...wrap(c.bold(`Platform endpoints (${rows.length})${sensitive > 0 ? `, ${sensitive} sensitive` : ''}`), width, '  ', ''), ''];
  rows.forEach((row, i) => {
    if (i > 0) lines.push('');
    const ports = row.ports.map((part) => (part.sensitive ? c.red.bold(`${part.text}!`) : part.text)).join(', ');
    const auth = row.sensitive && row.auth.includes('anonymous') ? c.red.bold(`${clean(row.auth)}!`) : clean(row.auth);
    lines.push(...wrap(`${c.cyan(clean(row.host))} · ${ports} · reachable by ${row.reach} · auth ${auth}`, width, '      ', '  '));
    lines.push(...wrap(c.dim(`${clean(row.resource)} · ${clean(row.grants)}`), width, '      ', '    '));
  });
  lines.push('');
  if (sensitive > 0) lines.push(...wrap(`${c.red.bold('!')} ${PLATFORM_SENSITIVE_LEGEND}`, width, '  '), '');
  return lines;
}

function table(rows: readonly ExposureRow[], c: ChalkInstance, width: number): string[] {
  const cells = rows.map((row) => COLUMNS.map((column) => column.words(row, c)));
  const natural = COLUMNS.map((column, i) => Math.max(column.header.length, ...cells.map((row) => plainLength(row[i]!))));
  const whole = COLUMNS.map((column, i) => Math.max(column.header.length, ...cells.map((row) => Math.min(column.wholeWords, longestWord(row[i]!)))));
  const min = whole.map((w, i) => (i === WAY_IN ? Math.max(w, Math.min(MIN_WAY_IN, natural[i]!)) : w));
  const floor = COLUMNS.map((column) => column.header.length);

  const beside = fit(natural, min, width);
  const stacked = beside === undefined;
  const columns = stacked ? WAY_IN : COLUMNS.length;
  // Too narrow for every word whole, words break; narrower still, lines run over.
  const widths = beside ?? fit(natural.slice(0, WAY_IN), min.slice(0, WAY_IN), width) ?? fit(natural.slice(0, WAY_IN), floor.slice(0, WAY_IN), width) ?? floor.slice(0, WAY_IN);

  const out = [c.bold(line(COLUMNS.slice(0, columns).map((column) => column.header), widths))];
  if (stacked) out.push(c.bold(`${WAY_IN_INDENT}${COLUMNS[WAY_IN]!.header}`));
  const blocks = cells.map((row) => {
    const wrapped = row.slice(0, columns).map((cell, i) => wrapCell(cell, widths[i]!));
    const height = Math.max(...wrapped.map((cellLines) => cellLines.length));
    const block = Array.from({ length: height }, (_, n) => line(wrapped.map((cellLines) => cellLines[n] ?? ''), widths));
    if (stacked) block.push(...wrapCell(row[WAY_IN]!, width - WAY_IN_INDENT.length).map((text) => WAY_IN_INDENT + text));
    return block;
  });
  // Rows of one line read as a list; rows that wrap need a blank line to tell them apart.
  const spaced = stacked || blocks.some((block) => block.length > 1);
  blocks.forEach((block, i) => out.push(...(spaced && i > 0 ? [''] : []), ...block));
  return out;
}

/**
 * Column widths that fit `width` with a gap between columns: each column its natural width,
 * the widest narrowed first, none below its minimum; undefined when the minimums do not fit.
 */
function fit(natural: readonly number[], min: readonly number[], width: number): number[] | undefined {
  const available = width - GAP.length * (natural.length - 1);
  const widths = [...natural];
  let total = widths.reduce((sum, w) => sum + w, 0);
  while (total > available) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > min[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) return undefined;
    widths[widest]!--;
    total--;
  }
  return widths;
}

function longestWord(cell: readonly Word[]): number {
  return Math.max(0, ...cell.map((word) => word.text.length));
}

function plainLength(cell: readonly Word[]): number {
  return cell.reduce((sum, word, i) => sum + word.text.length + (i > 0 ? 1 : 0), 0);
}

/** A cell's lines at `width`; a word longer than the column (a long name) is broken. */
function wrapCell(cell: readonly Word[], width: number): string[] {
  const pieces = cell.flatMap((word) => {
    const parts = word.text.match(new RegExp(`.{1,${width}}`, 'gsu')) ?? [];
    return parts.map((part) => (word.style ? word.style(part) : part));
  });
  return wrap(pieces.join(' '), width, '', '');
}

function line(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[i]! - stripVTControlCharacters(cell).length))))
    .join(GAP)
    .trimEnd();
}
