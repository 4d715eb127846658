/**
 * No source file over 300 lines without a reason written at its top. A long file is usually
 * several ideas that a reader has to hold at once; one that is long for a good reason says
 * so within its first 15 lines, in a paragraph starting "Why this file is long:".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

export const MAX_LINES = 300;
export const REASON = 'Why this file is long:';
const REASON_WITHIN = 15;

/** Lines as `wc -l` counts them, plus a last line without a newline. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** The files over MAX_LINES whose first lines give no reason, as `path: N lines`. */
export function tooLong(files: ReadonlyArray<{ readonly path: string; readonly text: string }>): string[] {
  return files
    .filter(({ text }) => lineCount(text) > MAX_LINES && !text.split('\n').slice(0, REASON_WITHIN).some((line) => line.includes(REASON)))
    .map(({ path, text }) => `${path}: ${lineCount(text)} lines`);
}

function sourceFiles(): Array<{ path: string; text: string }> {
  return ['src', 'rules'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
      .sort()
      .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') })),
  );
}

describe('file size', () => {
  it(`has no .ts file under src/ or rules/ over ${MAX_LINES} lines without "${REASON}" in its first ${REASON_WITHIN} lines`, () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const offenders = tooLong(files);
    expect(offenders, `split these files, or say at their top why they are long:\n${offenders.join('\n')}`).toEqual([]);
  });

  describe('the check itself', () => {
    const lines = (count: number, at?: { line: number; text: string }): string =>
      Array.from({ length: count }, (_, i) => (at && i + 1 === at.line ? at.text : `const x${i} = ${i};`)).join('\n') + '\n';

    it('counts lines as wc -l does, and a last line without a newline', () => {
      expect(lineCount('')).toBe(0);
      expect(lineCount('a\n')).toBe(1);
      expect(lineCount('a\nb')).toBe(2);
      expect(lineCount(lines(301))).toBe(301);
    });

    it('flags a 301-line file with no reason, naming it and its line count', () => {
      expect(tooLong([{ path: 'src/long.ts', text: lines(301) }])).toEqual(['src/long.ts: 301 lines']);
    });

    it('lets a file of 300 lines pass', () => {
      expect(tooLong([{ path: 'src/ok.ts', text: lines(300) }])).toEqual([]);
    });

    it('lets a long file pass when its first 15 lines say why', () => {
      expect(tooLong([{ path: 'src/why.ts', text: lines(400, { line: 15, text: ` * ${REASON} one table, read top to bottom.` }) }])).toEqual([]);
    });

    it('does not count a reason below the first 15 lines', () => {
      expect(tooLong([{ path: 'src/late.ts', text: lines(400, { line: 16, text: ` * ${REASON} too late.` }) }])).toEqual(['src/late.ts: 400 lines']);
    });
  });
});
