/**
 * Module hooks that let the build's scripts import the TypeScript sources before `tsc` has run:
 * `./x.js` from a .ts file is `./x.ts` when that exists (the sources import each other by their
 * compiled names), and a .ts file is transpiled on its own, types dropped and not checked (tsc
 * checks them next). Registered by scripts/generate-catalogue.mjs with node:module's register().
 *
 * Transpiled files are cached by content under node_modules/.cache/, and TypeScript is loaded only
 * on a miss: loading it and transpiling the ~90 modules the rules import costs seconds of CPU, a
 * rebuild after editing one rule a fraction of that.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const TS_VERSION = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
const CACHE = join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules', '.cache', 'azscan-ts-hooks');
const CACHE_KEY = `ts-hooks 1 · typescript ${TS_VERSION} · ESNext ES2022`;
let ts;

async function transpile(fileName, source) {
  const cached = join(CACHE, `${createHash('sha256').update(`${CACHE_KEY}\0${source}`).digest('hex')}.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  ts ??= (await import('typescript')).default;
  const { outputText } = ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: false },
  });
  try {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, outputText);
    renameSync(partial, cached);
  } catch {
    // A cache that cannot be written only makes the next run slower.
  }
  return outputText;
}

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL?.endsWith('.ts') && /^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
    const url = new URL(`${specifier.slice(0, -'.js'.length)}.ts`, context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  return { format: 'module', source: await transpile(fileName, readFileSync(fileName, 'utf8')), shortCircuit: true };
}
