/**
 * The shape of the code, as a test: every import between folders points one way (the table
 * below, from issue 10 and CONTRIBUTING.md), the layers that evaluate configuration do no I/O,
 * and no file imports itself round a cycle. Imports are read from the source text, type-only
 * ones included: a type cycle still ties two modules together for a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** What each folder may import besides itself. `cli` may import anything. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  inventory: [],
  model: ['inventory'],
  adapters: ['model', 'inventory'],
  rules: ['adapters', 'model', 'inventory'],
  config: ['model', 'inventory'],
  compliance: ['model', 'inventory'],
  engine: ['rules', 'adapters', 'config', 'compliance', 'model', 'inventory'],
  auth: [],
  collect: ['auth', 'model', 'inventory'],
  report: ['model', 'inventory'],
};
const FOLDERS = [...Object.keys(ALLOWED), 'cli'];

/** Layers that only evaluate what was read: they must not reach the outside world. */
const NO_IO = ['model', 'adapters', 'rules'];
const IO_MODULE = /^(node:)?(fs|fs\/promises|http|https|http2|net|tls|dgram|child_process)$|^@azure\//;

export interface SourceFile {
  readonly path: string;
  readonly folder: string;
  readonly imports: ReadonlyArray<{ readonly specifier: string; readonly target?: string }>;
}

function listTs(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

/** `src/engine/scan.ts` → `engine`; `rules/nsg/x.ts` → `rules`; a file directly in src/ → `src`. */
function folderOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'rules') return 'rules';
  return parts.length > 2 ? parts[1]! : 'src';
}

const IMPORT = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;

export function readSources(): SourceFile[] {
  return [...listTs('src'), ...listTs('rules')].map((path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const imports = [...text.matchAll(IMPORT)].map((match) => {
      const specifier = (match[1] ?? match[2] ?? match[3])!;
      if (!specifier.startsWith('.')) return { specifier };
      return { specifier, target: normalize(join(dirname(path), specifier)).replace(/\.js$/, '.ts') };
    });
    return { path, folder: folderOf(path), imports };
  });
}

const sources = readSources();

describe('the import graph', () => {
  it('has every source file in a named folder', () => {
    expect(sources.filter((file) => !FOLDERS.includes(file.folder)).map((file) => file.path)).toEqual([]);
  });

  it('imports between folders only as the table allows', () => {
    expect(tableViolations(sources)).toEqual([]);
  });

  it('would see a wrong-way import and a cycle (the checks themselves)', () => {
    const file = (path: string, ...targets: string[]): SourceFile => ({ path, folder: folderOf(path), imports: targets.map((target) => ({ specifier: target, target })) });
    expect(tableViolations([file('src/model/a.ts', 'src/engine/b.ts'), file('src/engine/b.ts', 'src/model/a.ts')])).toEqual(['src/model/a.ts → src/engine/b.ts']);
    expect(cycles([file('src/model/a.ts', 'src/model/b.ts'), file('src/model/b.ts', 'src/model/c.ts'), file('src/model/c.ts', 'src/model/a.ts'), file('src/model/d.ts', 'src/model/a.ts')])).toEqual([
      ['src/model/a.ts', 'src/model/b.ts', 'src/model/c.ts'],
    ]);
  });

  it('does no I/O in model/, adapters/ or rules/', () => {
    const violations = sources
      .filter((file) => NO_IO.includes(file.folder))
      .flatMap((file) => file.imports.filter(({ specifier }) => IO_MODULE.test(specifier)).map(({ specifier }) => `${file.path} imports ${specifier}`));
    expect(violations).toEqual([]);
  });

  it('touches the outside world only from cli/, auth/, collect/ and the files named here', () => {
    // Reading the package's own files is not the outside world: its version, and the
    // compliance catalogues it ships. The snapshot reader reads the user's snapshot.
    const allowed = new Set(['src/inventory/snapshot-file.ts', 'src/inventory/package.ts', 'src/compliance/frameworks.ts']);
    const violations = sources
      .filter((file) => !['cli', 'auth', 'collect'].includes(file.folder) && !allowed.has(file.path))
      .flatMap((file) => file.imports.filter(({ specifier }) => IO_MODULE.test(specifier)).map(({ specifier }) => `${file.path} imports ${specifier}`));
    expect(violations).toEqual([]);
  });

  it('resolves every relative import to a file', () => {
    const known = new Set(sources.map((file) => file.path));
    const dangling = sources.flatMap((file) => file.imports.filter(({ target }) => target !== undefined && !known.has(target)).map(({ target }) => `${file.path} → ${target}`));
    expect(dangling).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(cycles(sources)).toEqual([]);
  });
});

/** Imports from one folder into another that the table does not allow. */
export function tableViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const file of files) {
    if (file.folder === 'cli') continue;
    for (const { target } of file.imports) {
      if (!target) continue;
      const folder = folderOf(target);
      if (folder !== file.folder && !(ALLOWED[file.folder] ?? []).includes(folder)) violations.push(`${file.path} → ${target}`);
    }
  }
  return violations;
}

/** The strongly connected components of more than one file (Tarjan), each as its sorted paths. */
export function cycles(files: readonly SourceFile[]): string[][] {
  const edges = new Map(files.map((file) => [file.path, file.imports.flatMap(({ target }) => (target ? [target] : []))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!edges.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || edges.get(node)!.includes(node)) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}
