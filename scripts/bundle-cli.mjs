#!/usr/bin/env node
/**
 * Bundles the built CLI (dist/src/cli/main.js, from tsc) into dist/bundle/: what bin/azscan.js runs.
 *
 *   dist/bundle/azscan.js          the entry: main.js, commander and what main imports itself
 *   dist/bundle/chunks/*.js        one chunk per command's `import()` and the code they share
 *   dist/bundle/meta.json          esbuild's metafile: which source module is in which chunk
 *                                  (test/cli/module-loads.test.ts reads it)
 *
 * Why: Node 20 pays per ES module it loads, and a demo scan loaded ~270 of them from dist/; the
 * bundle loads a few dozen chunks. tsc still builds dist/ first: the tests, the bench and the
 * architecture checks use the sources and dist/, and the bundle is made from dist/ (tsc's output,
 * the code the tests run), not from the sources.
 *
 * Splitting keeps every `import()` a chunk of its own, so `azscan --help` loads neither the rule
 * catalogue nor the reporters. Left out of the bundle and loaded from node_modules as before:
 * the Azure SDKs and @azure/identity (live scans only; their `import()` resolves from
 * dist/bundle/ up to the package's node_modules), yaml and zod (read with `require` when a
 * config file exists, src/config/config.ts). Commander and chalk are bundled.
 *
 * Files read at run time (package.json, rule docs, compliance catalogues) are found from the
 * package root, which src/inventory/package.ts finds from wherever its code runs.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'dist', 'bundle');
export const EXTERNAL = ['@azure/*', 'yaml', 'zod'];

/**
 * Commander is CommonJS and requires Node's built-ins; in an ES module, esbuild's `__require`
 * helper needs a real `require` in scope. Only the file that holds the helper gets one, made on
 * first use: a `node:module` import in every chunk would cost every chunk.
 */
const REQUIRE_SHIM =
  "import { createRequire as __azscanCreateRequire } from 'node:module';\n" +
  'let __azscanRequire;\n' +
  'const require = (id) => (__azscanRequire ??= __azscanCreateRequire(import.meta.url))(id);\n';

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  // version.js: `azscan --version` alone, which bin/azscan.js answers without the CLI.
  entryPoints: { azscan: 'dist/src/cli/main.js', version: 'dist/src/cli/version.js' },
  outdir: OUT,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  metafile: true,
  logLevel: 'warning',
});

for (const file of Object.keys(result.metafile.outputs)) {
  const path = join(ROOT, file);
  const text = readFileSync(path, 'utf8');
  if (/\bvar __require = /.test(text)) writeFileSync(path, REQUIRE_SHIM + text);
}
writeFileSync(join(OUT, 'meta.json'), JSON.stringify(result.metafile));
