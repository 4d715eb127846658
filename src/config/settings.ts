import type { SuppressionRule } from '../model/suppression.js';
import type { Severity } from '../model/severity.js';

/**
 * What a config says, and where azscan looks for one, apart from the parser (config.ts):
 * a scan without a config file never loads the YAML parser or the schema library.
 */

/** The file names azscan looks for in the working directory, in this order. */
export const CONFIG_FILE_NAMES = ['azscan.config.yaml', 'azscan.config.yml', 'azscan.config.json'] as const;

export interface AzscanConfig {
  readonly path?: string;
  readonly disabledRules: ReadonlySet<string>;
  readonly severityOverrides: ReadonlyMap<string, Severity>;
  /** Validated options by rule id, defaults filled in. */
  readonly ruleOptions: ReadonlyMap<string, unknown>;
  readonly suppressions: readonly SuppressionRule[];
  /** Keys azscan does not know: warned about, not fatal, so a newer config still runs. */
  readonly warnings: readonly string[];
}

export const EMPTY_CONFIG: AzscanConfig = {
  disabledRules: new Set(),
  severityOverrides: new Map(),
  ruleOptions: new Map(),
  suppressions: [],
  warnings: [],
};
