import { readFileSync } from 'node:fs';
import { parseBaseline, type Baseline } from '../engine/baseline.js';
import { InputError } from '../inventory/errors.js';

/** Reads `--baseline FILE`; the engine parses it. */
export function loadBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`--baseline ${path}: ${code === 'ENOENT' ? 'file not found' : `cannot read it (${code})`}`);
  }
  return parseBaseline(text, path);
}
