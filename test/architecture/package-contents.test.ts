/**
 * What `npm pack` ships: the bundled CLI (dist/bundle/, scripts/bundle-cli.mjs), the rules' docs
 * (`azscan rules show` prints them) and the compliance catalogues, which the build does not copy
 * and which the CLI reads from the package root. tsc's dist/src/ stays out: the CLI runs from the
 * bundle alone, which the second test checks by running the packed files and nothing else.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'fixtures', 'demo-tenant.json');

function packedFiles(): string[] {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
  return pack!.files.map((file) => file.path);
}

describe('the npm package', () => {
  const files = new Set(packedFiles());

  it('ships the compliance catalogues, every rule doc and the bundled CLI, and no source, test or tsc output', () => {
    const catalogues = readdirSync(join(ROOT, 'src', 'compliance')).filter((name) => name.endsWith('.json'));
    expect(catalogues.length).toBeGreaterThan(0);
    for (const name of catalogues) expect(files, name).toContain(`src/compliance/${name}`);
    const docs = readdirSync(join(ROOT, 'rules'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md'));
    for (const doc of docs) expect(files, doc).toContain(`rules/${doc}`);
    for (const path of ['bin/azscan.js', 'dist/bundle/azscan.js', 'package.json']) expect(files, path).toContain(path);
    const chunks = readdirSync(join(ROOT, 'dist', 'bundle', 'chunks'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(files, chunk).toContain(`dist/bundle/chunks/${chunk}`);
    expect([...files].filter((path) => path.startsWith('test/') || path.startsWith('dist/src/') || path === 'dist/bundle/meta.json' || (path.endsWith('.ts') && !path.endsWith('.d.ts')))).toEqual([]);
  }, 120_000);

  it('runs from the packed files alone: help, version, a rule doc, a compliance scan', () => {
    const root = mkdtempSync(join(tmpdir(), 'azscan-packed-'));
    for (const path of files) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      cpSync(join(ROOT, path), join(root, path));
    }
    // The dependencies, as npm would install them beside the package.
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const run = (args: readonly string[]) => spawnSync(process.execPath, [join(root, 'bin', 'azscan.js'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' } });

    expect(run(['--help']).stdout).toContain('Usage: azscan');
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
    const doc = run(['rules', 'show', 'AZ-NSG-001']);
    expect(doc.stderr).toBe('');
    expect(doc.stdout).toContain('nsg-management-port-open');
    const scan = run(['scan', '--snapshot', DEMO, '--compliance', 'mcsb', '--format', 'json']);
    expect(scan.stderr).toBe('');
    expect(scan.status).toBe(0);
    // The controls come from src/compliance/mcsb.json, read from the package root.
    const report = JSON.parse(scan.stdout) as { compliance: { framework: string; controls: unknown[] } };
    expect(report.compliance.framework).toBe('mcsb');
    expect(report.compliance.controls.length).toBeGreaterThan(0);
  }, 120_000);
});
