import { readFileSync } from 'node:fs';
import { parseBaseline, type Baseline } from '../engine/baseline.js';
import { InputError } from '../inventory/errors.js';

/** Reads `--baseline FILE`; the engine parses it. */
export function loadBaseline(path: string): Baseline {
  return parseBaseline(readInputText('--baseline', path), path);
}

/** Reads a file a flag names (a report, as --baseline, --shard-weights and merge read), or says in one line why it cannot. */
export function readInputText(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${flag === '' ? '' : `${flag} `}${path}: ${code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a report' : `cannot read it (${code})`}`);
  }
}
