import { readFileSync } from 'node:fs';

/**
 * The package root. This module runs as dist/src/inventory/package.js when built and as
 * src/inventory/package.ts under the test runner; both sit below the root. Rule docs and the
 * compliance catalogues are found from here.
 */
export const PACKAGE_ROOT = new URL('../../', import.meta.url).pathname.endsWith('/dist/')
  ? new URL('../../../', import.meta.url)
  : new URL('../../', import.meta.url);

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string };
  return manifest.version;
}

/** azscan's own name and version, as every report and the user agent give them. */
export const TOOL = { name: 'azscan', version: readVersion() } as const;
