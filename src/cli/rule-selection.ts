import { RULES } from '../../rules/index.js';
import type { AzscanConfig } from '../config/settings.js';
import { loadConfig } from './config-file.js';
import { selectRules } from '../engine/select.js';
import { UsageError } from '../inventory/errors.js';
import type { ComplianceFramework } from '../model/compliance.js';
import { findRule, type AnyRule } from '../model/rule.js';
import type { Severity } from '../model/severity.js';
import { warn } from './output.js';

export interface Selection {
  readonly config: AzscanConfig;
  /** The rules to run, with the config's severity overrides applied. */
  readonly rules: AnyRule[];
  /** Options by rule id, for the engine: the config's `rules.<id>.options` and the settings rules take theirs from. */
  readonly ruleOptions: ReadonlyMap<string, unknown>;
}

/**
 * The rules a command runs: the catalogue, less what the config disables (a rule asked for
 * with --rule runs anyway: the flag is the more specific wish), narrowed by --rule,
 * --severity and --compliance (see selectRules: a selection that leaves no rule is refused),
 * with the config's severity overrides applied before the severity filter sees them. A rule
 * that needs a config setting (its options' `fromConfig`) runs only when the config gives it;
 * there is no default to fall back on, and asking for it without is refused.
 */
export function selectForCommand(flags: { config?: string; rule: string[]; compliance?: ComplianceFramework }, minSeverity: Severity | undefined): Selection {
  const config = loadConfig(flags.config, process.cwd(), RULES);
  for (const warning of config.warnings) warn(warning);
  const unconfigured = RULES.filter((rule) => rule.options?.fromConfig && !config.ruleOptions.has(rule.id));
  for (const asked of flags.rule) {
    const rule = findRule(unconfigured, asked);
    const needed = rule?.options?.fromConfig;
    if (needed) throw new UsageError(`--rule ${asked}: ${rule.id} needs ${needed.needs}: set ${needed.setting} in the config file (e.g. ${needed.example})`);
  }
  const available = RULES.filter((rule) => !unconfigured.includes(rule));
  const overridden = available.map((rule) => {
    const severity = config.severityOverrides.get(rule.id);
    return severity && severity !== rule.severity ? Object.freeze({ ...rule, severity }) : rule;
  });
  const rules = selectRules(overridden, {
    only: flags.rule,
    ...(minSeverity ? { minSeverity } : {}),
    ...(flags.compliance ? { compliance: flags.compliance } : {}),
    ...(config.path !== undefined ? { disabled: { ids: config.disabledRules, source: config.path } } : {}),
  });
  return { config, rules, ruleOptions: config.ruleOptions };
}
