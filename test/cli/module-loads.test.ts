import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { DEMO, ROOT, runCli } from './run-cli.js';

/**
 * What a command loads, recorded from inside the CLI's process: ES modules as they resolve (a
 * module hook) and CommonJS modules from the require cache at exit (the config parser loads
 * its libraries with require). The CLI runs bundled (dist/bundle/, scripts/bundle-cli.mjs), so
 * what it loads are chunks; the build's metafile says which modules each chunk holds, and a
 * loaded chunk counts as loading every one of them. A behaviour test, not a timing test:
 * start-up time is in `npm run bench`.
 */
const HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.AZSCAN_TEST_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}`;
const RECORDER = `import { register, createRequire } from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
// The require cache is one for the process, whichever module asks for it.
const cache = createRequire('/recorder.js').cache;
process.on('exit', () => appendFileSync(process.env.AZSCAN_TEST_MODULE_LOG, Object.keys(cache).map((path) => 'file://' + path + '\\n').join('')));`;

const dir = mkdtempSync(join(tmpdir(), 'azscan-loads-'));
let runs = 0;

interface Metafile {
  readonly outputs: Record<string, { readonly inputs: Record<string, unknown> }>;
}
const META = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Metafile;
const url = (path: string): string => pathToFileURL(join(ROOT, path)).href;
/**
 * Each chunk's URL → the URLs of the modules bundled into it. An input named `namespace:path` is
 * the build's re-export of a module that the entry holds (scripts/bundle-cli.mjs), not a copy.
 */
const CHUNKS = new Map(Object.entries(META.outputs).map(([chunk, { inputs }]) => [url(chunk), Object.keys(inputs).filter((input) => !/^[a-z-]+:/.test(input)).map(url)]));
const ENTRY = url('dist/bundle/azscan.js');
const ENTRIES = [ENTRY, url('dist/bundle/version.js')];

/** The files a command loads. */
function loadedFiles(args: readonly string[], cwd?: string): string[] {
  const log = join(dir, `loads-${runs++}.txt`);
  writeFileSync(log, '');
  const run = runCli(args, { env: { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(RECORDER)}`, AZSCAN_TEST_MODULE_LOG: log }, ...(cwd ? { cwd } : {}) });
  expect(run.stderr).toBe('');
  expect(run.status).not.toBeNull();
  const files = readFileSync(log, 'utf8').split('\n').filter((url) => url !== '');
  // The recorder saw one of the bundle's entries load (the CLI, or version.js for a lone
  // --version), so an empty list can never pass for "loads nothing"; and the CLI is the bundle,
  // not tsc's dist/src/ (where nothing would be counted as a chunk).
  expect(new Set(files.filter((file) => ENTRIES.includes(file))).size).toBe(1);
  expect(files.filter((file) => file.includes('/dist/src/') || file.includes('/dist/rules/'))).toEqual([]);
  return files;
}

/** The modules a command loads: the files it loads, each chunk standing for the modules it holds. */
function loadedBy(args: readonly string[], cwd?: string): string[] {
  return loadedFiles(args, cwd).flatMap((file) => CHUNKS.get(file) ?? [file]);
}

const CATALOGUE = /\/dist\/rules\//;
const SDKS = /\/node_modules\/@azure\//;
const YAML = /\/node_modules\/yaml\//;
const ZOD = /\/node_modules\/zod\//;
const CONFIG_PARSER = /\/dist\/src\/config\/config\.js$/;
const REPORTERS = /\/dist\/src\/report\/(json|sarif|csv|junit|markdown|terminal|index|html\/)/;
const COMMANDER = /\/node_modules\/commander\//;
const ENGINE = /\/dist\/src\/engine\/(evaluate|scan)\.js$/;

function matching(loaded: readonly string[], pattern: RegExp): string[] {
  return loaded.filter((url) => pattern.test(url));
}

describe('what a command loads', () => {
  it('the bundle\'s metafile describes the chunks on disk, and main.js is in the entry', () => {
    for (const chunk of CHUNKS.keys()) expect(existsSync(new URL(chunk)), chunk).toBe(true);
    expect(CHUNKS.get(ENTRY)).toContain(url('dist/src/cli/main.js'));
  });

  it('the CLI holds each module once, and everything main.js imports is in the entry: --help loads no other chunk of azscan\'s code', () => {
    // version.js is a bundle of its own, never loaded beside the CLI (bin/azscan.js loads one or the other).
    const cli = [...CHUNKS].filter(([chunk]) => chunk !== url('dist/bundle/version.js'));
    const modules = cli.flatMap(([, inputs]) => inputs);
    expect(modules.filter((module, index) => modules.indexOf(module) !== index)).toEqual([]);
    // The error classes main.js tells apart with instanceof are the entry's, which the commands import.
    for (const module of ['dist/src/inventory/errors.js', 'dist/src/auth/errors.js']) expect(CHUNKS.get(ENTRY), module).toContain(url(module));
    const files = new Set(loadedFiles(['--help']));
    const others = [...files].filter((file) => file !== ENTRY && CHUNKS.has(file) && CHUNKS.get(file)!.some((module) => module.includes('/dist/')));
    expect(others).toEqual([]);
  });

  it.each(['--help', '--version', 'scan --help'])('`azscan %s` loads neither the rule catalogue, the engine, the reporters, the SDKs, nor the config parser, yaml and zod', (command) => {
    const loaded = loadedBy(command.split(' '));
    for (const pattern of [CATALOGUE, SDKS, YAML, ZOD, CONFIG_PARSER, REPORTERS, ENGINE]) expect(matching(loaded, pattern), String(pattern)).toEqual([]);
  });

  it('`azscan --version` alone is answered without commander, with the line commander prints', () => {
    for (const flag of ['--version', '-V']) expect(matching(loadedBy([flag]), COMMANDER), flag).toEqual([]);
    // Two flags are not the short cut's: commander answers them.
    expect(matching(loadedBy(['--version', '--version']), COMMANDER).length).toBeGreaterThan(0);
    const [short, long, commander] = [runCli(['-V']), runCli(['--version']), runCli(['--version', '--version'])];
    expect(long).toEqual(commander);
    expect(short).toEqual(commander);
    expect(commander).toMatchObject({ status: 0, stderr: '' });
    expect(commander.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });

  // The config parser's own module is loaded with the command (it is small and does nothing
  // on import); the libraries it parses with are loaded only when there is a file to parse.
  it('a snapshot scan with no config file loads the catalogue but not the SDKs, yaml or zod', () => {
    const loaded = loadedBy(['scan', '--snapshot', DEMO, '--format', 'json', '--output', join(dir, 'report.json')], dir);
    expect(matching(loaded, CATALOGUE).length).toBeGreaterThan(0);
    for (const pattern of [SDKS, YAML, ZOD]) expect(matching(loaded, pattern), String(pattern)).toEqual([]);
  });

  it('a config file loads the schema library, and yaml only when the config is YAML', () => {
    const jsonDir = mkdtempSync(join(dir, 'json-'));
    writeFileSync(join(jsonDir, 'azscan.config.json'), '{"rules": {"AZ-NSG-003": "off"}}');
    const withJson = loadedBy(['scan', '--snapshot', DEMO, '--format', 'json', '--output', join(jsonDir, 'report.json')], jsonDir);
    expect(matching(withJson, ZOD).length).toBeGreaterThan(0);
    expect(matching(withJson, YAML)).toEqual([]);

    const yamlDir = mkdtempSync(join(dir, 'yaml-'));
    writeFileSync(join(yamlDir, 'azscan.config.yaml'), 'rules:\n  AZ-NSG-003: off\n');
    const withYaml = loadedBy(['scan', '--snapshot', DEMO, '--format', 'json', '--output', join(yamlDir, 'report.json')], yamlDir);
    expect(matching(withYaml, ZOD).length).toBeGreaterThan(0);
    expect(matching(withYaml, YAML).length).toBeGreaterThan(0);
  });
});
