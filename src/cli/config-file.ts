import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, parseConfigText } from '../config/config.js';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, type AzscanConfig } from '../config/settings.js';
import { InputError } from '../inventory/errors.js';
import type { AnyRule } from '../model/rule.js';

/**
 * The config: `--config PATH` when given (it must exist), else the first of
 * CONFIG_FILE_NAMES in `directory`, else none. Every error names the file, the path inside
 * it and what was expected.
 */
export function loadConfig(explicitPath: string | undefined, directory: string, catalogue: readonly AnyRule[]): AzscanConfig {
  const path = explicitPath ?? CONFIG_FILE_NAMES.map((name) => join(directory, name)).find((candidate) => existsSync(candidate));
  if (path === undefined) return EMPTY_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'config file not found' : `cannot read the config file (${code})`}`);
  }
  return parseConfig(parseConfigText(text, path), path, catalogue);
}
