import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from './run-cli.js';

/** A fresh folder per test, so "nothing was written" can be checked by listing it. */
function folder(): string {
  return mkdtempSync(join(tmpdir(), 'azscan-outputs-'));
}

/** Exit 2 in one line, and the folder holds exactly what it held before. */
function expectRefused(args: readonly string[], cwd: string, message: RegExp): void {
  const before = readdirSync(cwd).sort();
  const run = runCli(args, { cwd });
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^azscan: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
  expect(readdirSync(cwd).sort()).toEqual(before);
}

describe('--output NAME=FILE', () => {
  it.each([
    ['sraif=out.sarif', /--output sraif=out\.sarif: 'sraif' is not a report name \(expected NAME=FILE with NAME one of table, json, jsonl, sarif, junit, csv, markdown, html; for a file whose name has '=' in it, write \.\/sraif=out\.sarif\)/],
    ['pdf=x.pdf', /--output pdf=x\.pdf: 'pdf' is not a report name/],
    ['=', /--output =: no report name before '='/],
    ['json=', /--output json=: no FILE after 'json='/],
  ])('refuses %s and writes nothing', (output, message) => {
    expectRefused(['scan', '--snapshot', DEMO, '--output', output], folder(), message);
  });

  it('takes a report name in any case, and writes a file whose name has = in it when given with its folder', () => {
    const cwd = folder();
    const run = runCli(['scan', '--snapshot', DEMO, '--output', 'JSON=report.json', '--output', './a=b.md', '--format', 'markdown'], { cwd });
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')).findings).toHaveLength(91);
    expect(readFileSync(join(cwd, 'a=b.md'), 'utf8')).toMatch(/^## azscan:/);
    expect(readdirSync(cwd).sort()).toEqual(['a=b.md', 'report.json']);
  });
});

describe('--output paths, checked before anything is written', () => {
  it('refuses to write over the --snapshot file, by any path to it', () => {
    const cwd = folder();
    copyFileSync(DEMO, join(cwd, 'estate.json'));
    symlinkSync(join(cwd, 'estate.json'), join(cwd, 'link.json'));
    linkSync(join(cwd, 'estate.json'), join(cwd, 'hard.json'));
    const original = readFileSync(join(cwd, 'estate.json'), 'utf8');
    for (const output of ['estate.json', './estate.json', 'json=link.json', 'sarif=hard.json']) {
      expectRefused(['scan', '--snapshot', 'estate.json', '--output', 'csv=other.csv', '--output', output], cwd, /: is the --snapshot file; azscan does not write over what it reads$/m);
    }
    expectRefused(['exposure', '--snapshot', 'estate.json', '--output', './estate.json'], cwd, /--output \.\/estate\.json: is the --snapshot file/);
    expect(readFileSync(join(cwd, 'estate.json'), 'utf8')).toBe(original);
  });

  it('refuses to write over the --config file', () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'azscan.config.yaml'), 'rules:\n  AZ-MON-001: off\n');
    expectRefused(['scan', '--snapshot', DEMO, '--config', 'azscan.config.yaml', '--output', 'markdown=azscan.config.yaml'], cwd, /is the --config file/);
    expectRefused(['collect', '--config', 'azscan.config.yaml', '--output', 'azscan.config.yaml'], cwd, /is the --config file/);
  });

  it('refuses two outputs to one file, however the path is written', () => {
    const cwd = folder();
    mkdirSync(join(cwd, 'out'));
    expectRefused(['scan', '--snapshot', DEMO, '--output', 'json=out/r.json', '--output', 'sarif=./out/../out/r.json'], cwd, /--output: out\/r\.json and \.\/out\/\.\.\/out\/r\.json are the same file/);
    expect(readdirSync(join(cwd, 'out'))).toEqual([]);
  });

  it('says in one line that a folder does not exist, or is not a folder', () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'file.txt'), 'x');
    expectRefused(['scan', '--snapshot', DEMO, '--output', 'out/x.json'], cwd, /^azscan: --output out\/x\.json: the folder out does not exist$/m);
    expectRefused(['scan', '--snapshot', DEMO, '--output', 'csv=file.txt/x.csv'], cwd, /--output file\.txt\/x\.csv: file\.txt is not a folder$/m);
    expectRefused(['scan', '--snapshot', DEMO, '--output', `html=${cwd}`], cwd, /: is a folder, not a file$/m);
    expectRefused(['collect', '--output', 'out/estate.json'], cwd, /^azscan: --output out\/estate\.json: the folder out does not exist$/m);
    expectRefused(['exposure', '--snapshot', DEMO, '--output', 'out/exposure.txt'], cwd, /^azscan: --output out\/exposure\.txt: the folder out does not exist$/m);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
