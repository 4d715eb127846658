#!/usr/bin/env node
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1 and later can keep V8's compiled code on disk: from the second run on, the CLI's
// chunks are not parsed and compiled again, most of what starting costs. The cache lives with
// the package (its node_modules/.cache/), not in a folder other users can write to. Where that
// is not writable, with NODE_DISABLE_COMPILE_CACHE, or on Node 20, azscan starts without it.
try {
  module.enableCompileCache?.(fileURLToPath(new URL('../node_modules/.cache/azscan-compile-cache', import.meta.url)));
} catch {
  // A cache is an optimisation: nothing about it may stop the CLI.
}

// `azscan --version` (or -V) alone is answered without loading the CLI: commander and the
// program's definition are most of what it would cost. The same line commander prints.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { printVersion } = await import('../dist/bundle/version.js');
  printVersion();
} else {
  await import('../dist/bundle/azscan.js');
}
