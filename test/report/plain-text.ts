import type { ScanResult } from '../../src/model/result.js';
import { type Reporter, reportText } from '../../src/report/index.js';

/** A report joined into one string, without colour or verbosity: what the tests read. */
export function plainText(reporter: Reporter, result: ScanResult): string {
  return reportText(reporter, result, { color: false, verbose: false });
}
