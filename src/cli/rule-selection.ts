import { RULES } from '../../rules/index.js';
import residencyRule, { ALLOWED_LOCATIONS_OPTIONS } from '../../rules/governance/resource-outside-allowed-locations.js';
import { loadConfig, type AzscanConfig } from '../config/config.js';
import { type AnyRule, findRule } from '../model/rule.js';
import type { ComplianceFramework } from '../model/compliance.js';
import { selectRules } from '../engine/select.js';
import type { Severity } from '../model/severity.js';
import { UsageError } from '../inventory/errors.js';
import { warn } from './output.js';

export interface Selection {
  readonly config: AzscanConfig;
  /** The rules to run, with the config's severity overrides applied. */
  readonly rules: AnyRule[];
  /** Options by rule id, for the engine: the config's `rules.<id>.options`, and the allowed locations. */
  readonly ruleOptions: ReadonlyMap<string, unknown>;
}

/**
 * The rules a command runs: the catalogue, less what the config disables (a rule asked for
 * with --rule runs anyway: the flag is the more specific wish), narrowed by --rule,
 * --severity and --compliance (see selectRules: a selection that leaves no rule is refused),
 * with the config's severity overrides applied before the severity filter sees them. The data-residency rule runs only when the config says which
 * locations are allowed; there is no default to fall back on.
 */
export function selectForCommand(flags: { config?: string; rule: string[]; compliance?: ComplianceFramework }, minSeverity: Severity | undefined): Selection {
  const config = loadConfig(flags.config, process.cwd(), RULES);
  for (const warning of config.warnings) warn(warning);
  const residency = residencyOptions(config);
  if (!residency) {
    const asked = flags.rule.find((text) => findRule([residencyRule], text));
    if (asked !== undefined) {
      throw new UsageError(`--rule ${asked}: ${residencyRule.id} needs the allowed locations: set allowedLocations in the config file (e.g. allowedLocations: [westeurope])`);
    }
  }
  const available = residency ? RULES : RULES.filter((rule) => rule.id !== residencyRule.id);
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
  const ruleOptions = new Map(config.ruleOptions);
  if (residency) ruleOptions.set(residencyRule.id, residency);
  return { config, rules, ruleOptions };
}

/**
 * The residency rule's options: its own `rules.AZ-GOV-001.options` when the config has them
 * (the more specific setting), else the top-level `allowedLocations`; none when neither is set.
 */
function residencyOptions(config: AzscanConfig): unknown {
  const own = config.ruleOptions.get(residencyRule.id);
  if (own !== undefined) return own;
  if (config.allowedLocations.length === 0) return undefined;
  return ALLOWED_LOCATIONS_OPTIONS.schema.parse({ allowedLocations: config.allowedLocations });
}
