import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Tags } from 'yaml';
import type { z as Zod } from 'zod';
import { type AnyRule, findRule } from '../model/rule.js';
import { isSeverity, SEVERITIES, type Severity } from '../model/severity.js';
import { InputError } from '../inventory/errors.js';
import { parseJsonText } from '../inventory/snapshot.js';
import { isJsonObject } from '../inventory/types.js';
import type { AzscanConfig } from './settings.js';

export { CONFIG_FILE_NAMES, EMPTY_CONFIG, type AzscanConfig } from './settings.js';

/**
 * The YAML parser and the schema library, loaded the first time a config file is read: only
 * this module uses them, and most scans have no config file. Loaded with require so that
 * reading a config stays synchronous, before any estate is read.
 */
const require = createRequire(import.meta.url);
let yamlLibrary: typeof Yaml | undefined;
let zodLibrary: typeof Zod | undefined;
const yaml = (): typeof Yaml => (yamlLibrary ??= require('yaml') as typeof Yaml);
const zod = (): typeof Zod => (zodLibrary ??= (require('zod') as { z: typeof Zod }).z);

/**
 * YAML as a config needs it: no timestamps (YAML 1.1 and `!!timestamp` turn 2027-02-30 into
 * 2 March, so a date is kept as written and checked as a date), and no other tags resolved.
 */
const YAML_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
  resolveKnownTags: false,
  customTags: (tags: Tags) => tags.filter((tag) => typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:timestamp'),
} as const;

export function parseConfigText(text: string, path: string): unknown {
  if (/\.json$/i.test(path)) return parseJsonText(text.replace(/^\uFEFF/, ''), path);
  const document = yaml().parseDocument(text, YAML_OPTIONS);
  const error = document.errors[0];
  if (error) {
    const offset = Math.min(error.pos[0], text.length);
    const before = text.slice(0, offset);
    const where = ` at line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
    throw new InputError(`${path}: not valid YAML${where}: ${error.message.split('\n')[0]}`);
  }
  // Aliases are resolved here, and can fail here: one to an anchor not yet set, too many.
  let value: unknown;
  try {
    value = document.toJS();
  } catch (failure) {
    throw new InputError(`${path}: not valid YAML: ${(failure as Error).message.split('\n')[0]}`);
  }
  if (containsItself(value)) throw new InputError(`${path}: not valid YAML for a config: an alias refers to a node that contains it`);
  return value ?? {};
}

/** Whether an alias made the document a cycle, which no config means and no check could walk. */
function containsItself(value: unknown, ancestors = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const found = Object.values(value).some((child) => containsItself(child, ancestors));
  ancestors.delete(value);
  return found;
}

/** The config's own schemas, built once, on first use. */
let configSchemas: ReturnType<typeof buildSchemas> | undefined;

function buildSchemas(z: typeof Zod) {
  /** YYYY-MM-DD, and a day the calendar has: 2027-02-30 is refused, not read as 2 March. */
  const isoDate = z.string().refine((value) => {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!parts) return false;
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'expected a date YYYY-MM-DD that is on the calendar');

  const suppression = z.strictObject({
    rule: z.string().min(1, 'expected a rule id or name'),
    resource: z.string().min(1, 'expected a resource id or pattern'),
    reason: z.string().trim().min(1, 'a suppression must say why (reason)'),
    expires: isoDate.optional(),
  });

  const ruleEntry = z.union([
    z.enum(['off', 'on']),
    z.strictObject({
      enabled: z.boolean().optional(),
      severity: z.enum(SEVERITIES).optional(),
      options: z.unknown().optional(),
    }),
  ]);

  const config = z.strictObject({
    rules: z.record(z.string(), z.unknown()).optional(),
    suppressions: z.array(z.unknown()).optional(),
  });
  return { suppression, ruleEntry, config };
}

/** Validates a parsed config document against the schema and the catalogue. */
export function parseConfig(document: unknown, path: string, catalogue: readonly AnyRule[]): AzscanConfig {
  const z = zod();
  const schemas = (configSchemas ??= buildSchemas(z));
  const warnings: string[] = [];
  // The top-level settings rules take their options from (allowedLocations) are the rules' to validate.
  const settings = catalogue.flatMap((rule) => (rule.options?.fromConfig ? [{ rule, setting: rule.options.fromConfig.setting }] : []));
  const schema = schemas.config.extend(Object.fromEntries(settings.map(({ setting }) => [setting, z.unknown().optional()])));
  const top = check(schema, document ?? {}, path, [], warnings) as Zod.infer<typeof schemas.config> & Record<string, unknown>;

  const disabledRules = new Set<string>();
  const severityOverrides = new Map<string, Severity>();
  const ruleOptions = new Map<string, unknown>();
  for (const [key, value] of Object.entries(top.rules ?? {})) {
    const rule = findRule(catalogue, key);
    if (!rule) throw new InputError(`${path}: rules.${key}: no rule '${key}' (run 'azscan rules' for the catalogue)`);
    const entry = check(schemas.ruleEntry, value, path, ['rules', key], warnings);
    if (entry === 'off' || (typeof entry === 'object' && entry.enabled === false)) disabledRules.add(rule.id);
    if (typeof entry !== 'object') continue;
    if (entry.severity && isSeverity(entry.severity)) severityOverrides.set(rule.id, entry.severity);
    if (entry.options !== undefined) {
      if (!rule.options) throw new InputError(`${path}: rules.${key}.options: rule ${rule.id} takes no options`);
      ruleOptions.set(rule.id, check(rule.options.schema(z), entry.options, path, ['rules', key, 'options'], warnings));
    }
  }

  for (const { rule, setting } of settings) {
    const value = top[setting];
    // The rule's own options are the more specific setting; an empty list sets nothing.
    if (ruleOptions.has(rule.id) || value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    ruleOptions.set(rule.id, check(rule.options!.schema(z), { [setting]: value }, path, [], warnings));
  }

  const suppressions = (top.suppressions ?? []).map((value, i) => {
    const entry = check(schemas.suppression, value, path, ['suppressions', i], warnings);
    const rule = findRule(catalogue, entry.rule);
    if (!rule) throw new InputError(`${path}: suppressions[${i}].rule: no rule '${entry.rule}'`);
    return { ...entry, rule: rule.id, source: `${path}: suppressions[${i}]` };
  });

  return { path, disabledRules, severityOverrides, ruleOptions, suppressions, warnings };
}

/**
 * Parses `value` with `schema`. Keys the schema does not know are warnings (the value is
 * parsed again without them); anything else is an InputError naming the file and the path.
 */
function check<T>(schema: Zod.ZodType<T>, value: unknown, path: string, at: Array<string | number>, warnings: string[]): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap(unwrapUnion);
  const unknownKeys = issues.filter((issue) => issue.code === 'unrecognized_keys');
  const problems = issues.filter((issue) => issue.code !== 'unrecognized_keys');
  if (problems.length > 0) {
    const issue = problems[0]!;
    throw new InputError(`${path}: ${formatPath([...at, ...issue.path])}: ${describeIssue(issue, valueAt(value, issue.path))}`);
  }
  for (const issue of unknownKeys) {
    for (const key of (issue as { keys: string[] }).keys) warnings.push(`${path}: ${formatPath([...at, ...issue.path, key])}: unknown key, ignored`);
  }
  return check(schema, withoutKeys(value, unknownKeys), path, at, []);
}

/** From a union's failures, the branch that got furthest: its message says the most. */
function unwrapUnion(issue: Zod.core.$ZodIssue): Zod.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const branches = issue.errors.map((branch) => branch.flatMap(unwrapUnion));
  const deepest = branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
  return deepest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

function depth(issues: Zod.core.$ZodIssue[]): number {
  return Math.max(...issues.map((issue) => issue.path.length + (issue.code === 'unrecognized_keys' ? 0.5 : 0)));
}

function describeIssue(issue: Zod.core.$ZodIssue, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, found ${found === undefined ? 'nothing' : JSON.stringify(found)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${JSON.stringify(found)}`;
    default:
      return issue.message;
  }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(top level)';
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const key of path) current = isJsonObject(current) || Array.isArray(current) ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  return current;
}

function withoutKeys(value: unknown, issues: Zod.core.$ZodIssue[]): unknown {
  const copy = structuredClone(value);
  for (const issue of issues) {
    const parent = valueAt(copy, issue.path);
    if (isJsonObject(parent)) for (const key of (issue as { keys: string[] }).keys) delete parent[key];
  }
  return copy;
}
