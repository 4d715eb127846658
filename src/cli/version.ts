import { TOOL } from '../inventory/package.js';
import { ignoreClosedStdout } from './stdout-pipe.js';

/**
 * `azscan --version` (or -V) alone, answered by bin/azscan.js without loading the CLI: the line
 * commander's --version prints, exit 0. Built as its own entry of the bundle (dist/bundle/version.js).
 */
export function printVersion(): void {
  ignoreClosedStdout();
  process.stdout.write(`${TOOL.version}\n`);
}
