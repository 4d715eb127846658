/**
 * What `npm pack` ships: the built code, the rules' docs (`azscan rules show` prints them) and
 * the compliance catalogues, which the build does not copy into dist/ and which
 * src/compliance/frameworks.ts reads from the package root.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the npm package', () => {
  it('ships the compliance catalogues, every rule doc and the built CLI', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
    const files = new Set(pack!.files.map((file) => file.path));
    const catalogues = readdirSync(join(ROOT, 'src', 'compliance')).filter((name) => name.endsWith('.json'));
    expect(catalogues.length).toBeGreaterThan(0);
    for (const name of catalogues) expect(files, name).toContain(`src/compliance/${name}`);
    const docs = readdirSync(join(ROOT, 'rules'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md'));
    for (const doc of docs) expect(files, doc).toContain(`rules/${doc}`);
    for (const path of ['bin/azscan.js', 'dist/src/cli/main.js', 'dist/src/compliance/frameworks.js', 'dist/src/inventory/package.js', 'package.json']) expect(files, path).toContain(path);
    // Sources and tests stay out: the package runs from dist/.
    expect([...files].filter((path) => path.startsWith('test/') || (path.endsWith('.ts') && !path.endsWith('.d.ts')))).toEqual([]);
  }, 120_000);
});
