import { RULES } from '../../rules/index.js';
import { loadConfig, type AzscanConfig } from '../config/config.js';
import type { AnyRule, ComplianceFramework } from '../engine/rule.js';
import { selectRules } from '../engine/select.js';
import type { Severity } from '../engine/severity.js';
import { warn } from './output.js';

export interface Selection {
  readonly config: AzscanConfig;
  /** The rules to run, with the config's severity overrides applied. */
  readonly rules: AnyRule[];
}

/**
 * The rules a command runs: the catalogue, less what the config disables (a rule asked for
 * with --rule runs anyway: the flag is the more specific wish), narrowed by --rule,
 * --severity and --compliance, with the config's severity overrides applied before the
 * severity filter sees them.
 */
export function selectForCommand(flags: { config?: string; rule: string[]; compliance?: ComplianceFramework }, minSeverity: Severity | undefined): Selection {
  const config = loadConfig(flags.config, process.cwd(), RULES);
  for (const warning of config.warnings) warn(warning);
  const overridden = RULES.map((rule) => {
    const severity = config.severityOverrides.get(rule.id);
    return severity && severity !== rule.severity ? Object.freeze({ ...rule, severity }) : rule;
  });
  const enabled = flags.rule.length > 0 ? overridden : overridden.filter((rule) => !config.disabledRules.has(rule.id));
  let rules = selectRules(enabled, { only: flags.rule, ...(minSeverity ? { minSeverity } : {}) });
  if (flags.compliance) {
    const framework = flags.compliance;
    rules = rules.filter((rule) => rule.compliance[framework].length > 0);
  }
  return { config, rules };
}
