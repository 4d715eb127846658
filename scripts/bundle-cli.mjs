#!/usr/bin/env node
/**
 * Bundles the built CLI (dist/src/cli/main.js, from tsc) into dist/bundle/: what bin/azscan.js runs.
 *
 *   dist/bundle/azscan.js          the entry: main.js and everything it imports itself (commander
 *                                  included), in one file
 *   dist/bundle/chunks/*.js        one chunk per command's `import()`, and the code they share
 *   dist/bundle/version.js         a lone `azscan --version`, answered without the CLI
 *   dist/bundle/meta.json          esbuild's metafiles: which source module is in which file
 *                                  (test/cli/module-loads.test.ts reads it)
 *
 * Why: Node 20 pays per ES module it loads, and a demo scan loaded ~270 of them from dist/; the
 * bundle loads a few dozen files. tsc still builds dist/ first: the tests, the bench and the
 * architecture checks use the sources and dist/, and the bundle is made from dist/ (tsc's output,
 * the code the tests run), not from the sources.
 *
 * Splitting keeps every `import()` a chunk of its own, so `azscan --help` loads neither the rule
 * catalogue nor the reporters. Left out of the bundle and loaded from node_modules as before:
 * the Azure SDKs and @azure/identity (live scans only; their `import()` resolves from
 * dist/bundle/ up to the package's node_modules), yaml and zod (read with `require` when a
 * config file exists, src/config/config.ts). Commander and chalk are bundled.
 *
 * One thing esbuild's splitting does not do: a module that main.js imports and a command imports
 * too (severity, errors, sanitize…) would sit in a chunk of its own, shared, and `--help` would
 * load a dozen tiny files. So every module main.js reaches is bundled into the entry alone, the
 * entry exports each of them under a prefixed name, and a command that imports one imports it
 * from the entry (`export { X } from '../azscan.js'`): one instance of each module, never two
 * (an error class checked with instanceof must be the same class). By the time a command's chunk
 * loads, the entry has run.
 *
 * Files read at run time (package.json, rule docs, compliance catalogues) are found from the
 * package root, which src/inventory/package.ts finds from wherever its code runs.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'dist', 'bundle');
const MAIN = 'dist/src/cli/main.js';
export const EXTERNAL = ['@azure/*', 'yaml', 'zod'];
const COMMON = { absWorkingDir: ROOT, bundle: true, format: 'esm', platform: 'node', target: 'node20', external: EXTERNAL, logLevel: 'warning' };

/**
 * Commander is CommonJS and requires Node's built-ins; in an ES module, esbuild's `__require`
 * helper needs a real `require` in scope. Only the file that holds the helper gets one, made on
 * first use.
 */
const REQUIRE_SHIM =
  "import { createRequire as __azscanCreateRequire } from 'node:module';\n" +
  'let __azscanRequire;\n' +
  'const require = (id) => (__azscanRequire ??= __azscanCreateRequire(import.meta.url))(id);\n';

/** Every module main.js imports, directly or not, leaving out what it loads with `import()`. */
async function entryModules() {
  const dynamicImportsExternal = {
    name: 'dynamic-imports-external',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
    },
  };
  const result = await build({ ...COMMON, entryPoints: [MAIN], write: false, outdir: OUT, metafile: true, plugins: [dynamicImportsExternal] });
  return Object.keys(result.metafile.inputs).filter((path) => path.startsWith('dist/'));
}

/** Each module's export names, from esbuild itself (star re-exports included). */
async function exportsOf(modules) {
  const result = await build({ ...COMMON, entryPoints: modules, write: false, outdir: join(OUT, 'exports'), outbase: ROOT, metafile: true });
  const byModule = new Map();
  for (const output of Object.values(result.metafile.outputs)) if (output.entryPoint) byModule.set(output.entryPoint, output.exports);
  return byModule;
}

const modules = await entryModules();
const exported = await exportsOf(modules);
const alias = (index, name) => `__azscan_m${index}_${name}`;
const indexOf = new Map(modules.map((path, index) => [resolve(ROOT, path), index]));

const entryInEveryChunk = {
  name: 'entry-modules-from-the-entry',
  setup(build) {
    build.onResolve({ filter: /^azscan-entry$/ }, () => ({ path: 'azscan-entry', namespace: 'azscan-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'azscan-entry' }, () => ({
      resolveDir: ROOT,
      contents: [
        `import './${MAIN}';`,
        ...modules.map((path, index) => {
          const names = (exported.get(path) ?? []).map((name) => `${name === 'default' ? 'default' : name} as ${alias(index, name)}`);
          return names.length > 0 ? `export { ${names.join(', ')} } from './${path}';` : '';
        }),
      ].join('\n'),
    }));
    // A module outside the entry that imports one inside it gets it from the entry file.
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.namespace !== 'file' || indexOf.has(args.importer)) return undefined;
      const index = indexOf.get(resolve(args.resolveDir, args.path));
      return index === undefined ? undefined : { path: modules[index], namespace: 'from-entry' };
    });
    build.onLoad({ filter: /.*/, namespace: 'from-entry' }, (args) => {
      const index = modules.indexOf(args.path);
      const names = (exported.get(args.path) ?? []).map((name) => `${alias(index, name)} as ${name}`);
      // Chunks live in dist/bundle/chunks/, the entry one level up.
      return { contents: names.length > 0 ? `export { ${names.join(', ')} } from '../azscan.js';` : `import '../azscan.js';`, resolveDir: ROOT };
    });
  },
};
// The re-exports name '../azscan.js': external, so esbuild leaves it as written.
const entryExternal = { name: 'entry-external', setup: (build) => build.onResolve({ filter: /^\.\.\/azscan\.js$/ }, (args) => ({ path: args.path, external: true })) };

rmSync(OUT, { recursive: true, force: true });
const cli = await build({
  ...COMMON,
  entryPoints: { azscan: 'azscan-entry' },
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  metafile: true,
  plugins: [entryExternal, entryInEveryChunk],
});
// Its own small bundle: bin/azscan.js loads it instead of the CLI, never beside it.
const version = await build({ ...COMMON, entryPoints: { version: 'dist/src/cli/version.js' }, outdir: OUT, metafile: true });

const outputs = { ...cli.metafile.outputs, ...version.metafile.outputs };
for (const file of Object.keys(outputs)) {
  const path = join(ROOT, file);
  const text = readFileSync(path, 'utf8');
  if (/\bvar __require\s*=/.test(text)) writeFileSync(path, REQUIRE_SHIM + text);
}
writeFileSync(join(OUT, 'meta.json'), JSON.stringify({ inputs: { ...cli.metafile.inputs, ...version.metafile.inputs }, outputs }));
