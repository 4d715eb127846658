/**
 * Adding a rule touches only the rule's own files: `npm run new-rule` writes the rule, its doc,
 * its test table and its fixture folder, and the build registers it. Shown on a copy of the
 * working tree (its tracked and untracked files, as a fresh clone of them would be), with
 * node_modules linked rather than installed, so nothing here writes to the repository itself.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** tsc over the whole project takes ~10 s of CPU, far more on a loaded 2-core machine. */
const TIMEOUT = 240_000;
const MARK = 'TODO(new-rule)';
const TOY = {
  service: 'storage',
  name: 'storage-toy-setting-off',
  title: 'Storage account with the toy setting off',
  severity: 'low',
  type: 'Microsoft.Storage/storageAccounts',
  property: 'properties.toySetting',
};

/** Git without whatever repository the test run itself may sit in (a hook sets GIT_DIR). */
const gitEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));

function spawn(command: string, args: readonly string[], cwd: string, options: SpawnSyncOptions = {}) {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: TIMEOUT, env: gitEnv, ...options });
  if (run.error) throw run.error;
  return { status: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

function git(cwd: string, ...args: string[]): string {
  const run = spawn('git', ['-c', 'user.name=azscan test', '-c', 'user.email=test@azscan.invalid', '-c', 'commit.gpgsign=false', ...args], cwd);
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const node = (cwd: string, ...args: string[]) => spawn(process.execPath, args, cwd);

/** `git status` of the copy, one path per line (untracked files listed one by one, not by folder). */
const status = (cwd: string) => git(cwd, 'status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).sort();

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'azscan-new-rule-'));
  // The files a commit of the working tree would hold: tracked and untracked, not ignored.
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(copy, file));
  }
  // A real node_modules folder of links, so that tools' caches (vitest's) land in the copy.
  mkdirSync(join(copy, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '.vite') symlinkSync(join(ROOT, 'node_modules', entry), join(copy, 'node_modules', entry));
  }
  git(copy, 'init', '-q');
  git(copy, 'add', '-A');
  git(copy, 'commit', '-q', '-m', 'the working tree');
}, TIMEOUT);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

const scaffold = (flags: Record<string, string>) => node(copy, 'scripts/new-rule.mjs', ...Object.entries(flags).flatMap(([flag, value]) => [`--${flag}`, value]));

describe('npm run new-rule', () => {
  it('refuses an unknown service, a bad or taken name, a taken id and an unknown type, writing nothing', () => {
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [{ ...TOY, service: 'webapps' }, /--service: no service 'webapps' \(services: nsg, network, /],
      [{ ...TOY, name: 'Storage_Toy' }, /--name: 'Storage_Toy' is not a rule name/],
      [{ ...TOY, name: 'sql-tde-disabled' }, /--name: AZ-SQL-001 is already called 'sql-tde-disabled'/],
      [{ ...TOY, id: 'AZ-STG-001' }, /--id: AZ-STG-001 is taken/],
      [{ ...TOY, id: 'AZ-SQL-900' }, /--id: 'AZ-SQL-900' is not AZ-STG-NNN/],
      [{ ...TOY, severity: 'urgent' }, /--severity: 'urgent' is not one of critical, high, medium, low/],
      // A type no Azure service has, so that no new reader makes it known.
      [{ ...TOY, type: 'Contoso.Toys/robots' }, /--type: azscan reads no 'Contoso\.Toys\/robots'/],
    ];
    for (const [flags, message] of refusals) {
      const run = scaffold(flags);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(status(copy)).toEqual([]);
  }, TIMEOUT);

  it('writes only the rule, its doc, its test table and its fixture folder, at the next free id; the build registers it and it compiles', () => {
    const run = scaffold(TOY);
    expect(run.status, run.stderr).toBe(0);
    const id = /^(AZ-STG-\d{3}) storage-toy-setting-off: wrote$/m.exec(run.stdout)?.[1];
    expect(id, run.stdout).toBeDefined();
    const storageIds = RULES.filter((rule) => rule.service === 'storage').map((rule) => Number(rule.id.slice(-3)));
    expect(Number(id!.slice(-3))).toBe(Math.max(...storageIds) + 1);

    const own = [
      `fixtures/rules/${id}/fail/toy-setting-false.json`,
      `fixtures/rules/${id}/pass/toy-setting-true.json`,
      'rules/storage/storage-toy-setting-off.md',
      'rules/storage/storage-toy-setting-off.ts',
      'test/rules/storage/storage-toy-setting-off.test.ts',
    ];
    const table = own[4]!;
    expect(status(copy)).toEqual(own.map((path) => `?? ${path}`));
    for (const path of own) expect(run.stdout).toContain(`  ${path}\n`);
    expect(scaffold(TOY).status, 'a second run is refused').toBe(2);

    // The build's first step registers it: the generated files, and nothing else, change.
    const generate = node(copy, 'scripts/generate-catalogue.mjs');
    expect(generate.status, generate.stderr).toBe(0);
    expect(status(copy)).toEqual([' M README.md', ' M rules/index.ts', ' M rules/storage/index.ts', ...own.map((path) => `?? ${path}`)].sort());
    expect(readFileSync(join(copy, 'rules', 'storage', 'index.ts'), 'utf8')).toContain(`  storageToySettingOff, // ${id}\n`);
    expect(readFileSync(join(copy, 'rules', 'index.ts'), 'utf8')).toContain(`  storageToySettingOff, // ${id}\n`);
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain(`| ${id} | [storage-toy-setting-off](rules/storage/storage-toy-setting-off.md) | low | ${TOY.title} |`);

    // The project compiles with it, its test table included (tsconfig.json's files plus the table).
    writeFileSync(
      join(copy, 'tsconfig.toy.json'),
      JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, include: ['src/**/*.ts', 'rules/**/*.ts', 'bench/**/*.ts', table] }),
    );
    const tsc = node(copy, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.toy.json');
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);

    // As scaffolded, its pass and fail cases hold: the author starts from a green table.
    const cases = node(copy, 'node_modules/vitest/vitest.mjs', 'run', '--no-cache', table);
    expect(cases.status, cases.stdout + cases.stderr).toBe(0);
  }, TIMEOUT);
});

describe('the catalogue', () => {
  it(`has no rule left with the scaffold's ${MARK} placeholders`, () => {
    const left = RULES.flatMap((rule) =>
      ['ts', 'md'].map((ext) => `rules/${rule.service}/${rule.name}.${ext}`).filter((path) => existsSync(join(ROOT, path)) && readFileSync(join(ROOT, path), 'utf8').includes(MARK)),
    );
    expect(left).toEqual([]);
  });
});
