import { readFileSync } from 'node:fs';

/**
 * The package root. This module runs as dist/src/version.js when built and as
 * src/version.ts under the test runner; both sit below the root.
 */
export const PACKAGE_ROOT = new URL('../', import.meta.url).pathname.endsWith('/dist/')
  ? new URL('../../', import.meta.url)
  : new URL('../', import.meta.url);

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string };
  return manifest.version;
}

export const TOOL = { name: 'azscan', version: readVersion() } as const;
