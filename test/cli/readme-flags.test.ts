import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** A heading of the README and its text, up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, `README heading ${heading}`).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(heading)![0].length;
  const rest = README.slice(start + 1);
  const end = rest.slice(heading.length).search(new RegExp(`\\n#{1,${level}} `));
  return end === -1 ? rest : rest.slice(0, heading.length + end);
}

/** The long flags a command's --help lists: option lines start two spaces in, wrapped descriptions further. */
function helpFlags(command: readonly string[]): string[] {
  const run = runCli([...command, '--help']);
  expect(run.status).toBe(0);
  return [...run.stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]!);
}

const HELP_SECTION = '### `azscan --version`, `azscan --help`';

const mentions = (text: string, flag: string): boolean => new RegExp(`(^|[^\\w-])${flag}(?![\\w-])`).test(text);

describe('the README documents every flag --help shows', () => {
  it.each([
    [['scan'], '### `azscan scan`'],
    [['collect'], '### `azscan collect --output FILE`'],
    [['exposure'], '### `azscan exposure`'],
    [['merge'], '### `azscan merge`'],
    [['rules'], '### `azscan rules`'],
    [['rules', 'show'], '### `azscan rules`'],
    [[], HELP_SECTION],
  ])('azscan %j, in its section', (command, heading) => {
    const flags = helpFlags(command);
    // Every command has --help; the README says so once, where it says what --help does.
    expect(flags).toContain('--help');
    expect(mentions(section(HELP_SECTION), '--help')).toBe(true);
    const text = section(heading);
    expect(flags.filter((flag) => (command.length === 0 || flag !== '--help') && !mentions(text, flag))).toEqual([]);
  });

  it('reads flags from the help as it is printed', () => {
    expect(helpFlags(['scan'])).toEqual(expect.arrayContaining(['--snapshot', '--fail-on', '--no-color', '--timeout', '--quiet', '--verbose']));
    expect(helpFlags(['collect'])).toEqual(expect.arrayContaining(['--config', '--output', '--timeout']));
  });
});

describe('LICENSE', () => {
  it('is the MIT license package.json names, for azscan contributors', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 azscan contributors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });
});
