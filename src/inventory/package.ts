import { existsSync, readFileSync } from 'node:fs';

/**
 * The package root: the nearest folder above this module whose package.json is azscan's. The
 * module runs as src/inventory/package.ts under the test runner, as dist/src/inventory/package.js
 * after tsc, and inside a chunk of dist/bundle/ (the CLI as it ships), each at another depth
 * below the root. Rule docs, the compliance catalogues and the version are all found from here,
 * so no other module needs to know where its own code sits.
 */
function findPackageRoot(): { root: URL; manifest: { name?: unknown; version: string } } {
  for (let dir = new URL('./', import.meta.url); ; ) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version: string };
      if (manifest.name === 'azscan') return { root: dir, manifest };
    }
    const parent = new URL('../', dir);
    if (parent.href === dir.href) throw new Error(`azscan's package.json is in no folder above ${import.meta.url}`);
    dir = parent;
  }
}

const found = findPackageRoot();

export const PACKAGE_ROOT: URL = found.root;

/** azscan's own name and version, as every report and the user agent give them. */
export const TOOL = { name: 'azscan', version: found.manifest.version } as const;
