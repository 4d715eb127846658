import { ACTIVITY_LOG_ALERT_TYPE, DIAGNOSTIC_SETTING_TYPE } from '../inventory/arm-types.js';
/**
 * The subscription's activity log as rules about a subscription see it: the alerts that fire
 * on it (AZ-MON-002 … 006) and the diagnostic settings that export it (AZ-MON-007).
 */
import { MalformedProperty, readAll } from '../model/not-evaluated.js';
import type { Evidence } from '../model/evidence.js';
import type { RuleContext } from '../model/rule.js';
import { idKey } from '../inventory/arm-id.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { evidence, readArray, readBoolean, type Setting } from './setting.js';


/** One leaf of an alert condition: a field (lower case) and the values that meet it (lower case). */
interface ConditionLeaf {
  readonly field: string;
  readonly values: readonly string[];
  /** `level = Error`, `operationName in [a, b]`, as written. */
  readonly text: string;
}

/** One entry of `condition.allOf`: met when any of its leaves is (a plain leaf is one). */
interface AlertCondition {
  readonly path: string;
  readonly raw: unknown;
  readonly anyOf: readonly ConditionLeaf[];
}

interface ActivityLogAlert {
  readonly resource: ArmResource;
  /** `properties.enabled`: absent means true (the API's default; arm-monitor's model says so too). */
  readonly enabled: Setting<boolean>;
  readonly scopes: Setting<readonly unknown[]>;
  readonly scopeKeys: readonly string[];
  readonly actionGroups: Setting<readonly unknown[]>;
  readonly conditions: readonly AlertCondition[];
}

/** Reads an activity log alert; a value it cannot interpret throws MalformedProperty. */
function activityLogAlertOf(resource: ArmResource): ActivityLogAlert {
  const scopes = readArray(resource, 'properties.scopes');
  const scopeKeys = scopes.value.map((scope, i) => {
    if (typeof scope !== 'string') throw new MalformedProperty(`properties.scopes[${i}]`, 'a resource id', scope);
    return idKey(scope);
  });
  const actionGroups = readArray(resource, 'properties.actions.actionGroups');
  actionGroups.value.forEach((group, i) => {
    if (!isJsonObject(group) || typeof group.actionGroupId !== 'string') {
      throw new MalformedProperty(`properties.actions.actionGroups[${i}]`, 'an object with an actionGroupId', group);
    }
  });
  const conditions = readArray(resource, 'properties.condition.allOf').value.map((entry, i) => conditionOf(entry, `properties.condition.allOf[${i}]`));
  return { resource, enabled: readBoolean(resource, 'properties.enabled', true), scopes, scopeKeys, actionGroups, conditions };
}

function conditionOf(entry: unknown, path: string): AlertCondition {
  if (isJsonObject(entry) && entry.anyOf !== undefined) {
    if (!Array.isArray(entry.anyOf)) throw new MalformedProperty(`${path}.anyOf`, 'an array of conditions', entry.anyOf);
    return { path, raw: entry, anyOf: entry.anyOf.map((leaf, i) => leafOf(leaf, `${path}.anyOf[${i}]`)) };
  }
  return { path, raw: entry, anyOf: [leafOf(entry, path)] };
}

/** A leaf has a `field` and either `equals` (one value) or `containsAny` (several). */
function leafOf(entry: unknown, path: string): ConditionLeaf {
  const expected = 'a condition with a field and equals or containsAny';
  if (!isJsonObject(entry) || typeof entry.field !== 'string') throw new MalformedProperty(path, expected, entry);
  if (typeof entry.equals === 'string') {
    return { field: entry.field.toLowerCase(), values: [entry.equals.toLowerCase()], text: `${entry.field} = ${entry.equals}` };
  }
  const any = entry.containsAny;
  if (Array.isArray(any) && any.every((value): value is string => typeof value === 'string')) {
    return { field: entry.field.toLowerCase(), values: any.map((value) => value.toLowerCase()), text: `${entry.field} in [${any.join(', ')}]` };
  }
  throw new MalformedProperty(path, expected, entry);
}

/**
 * The activity log events a successful operation writes, as an alert's conditions see them:
 * Administrative, Informational, on the operation's resource type, first Started then
 * Succeeded. Fields azscan cannot know in advance (caller, resource group, resource id,
 * subStatus, `properties.*`) are absent, so a condition on them never counts as met.
 */
function eventsOf(operation: string): ReadonlyArray<ReadonlyMap<string, string>> {
  const lower = operation.toLowerCase();
  const fields: Array<[string, string]> = [
    ['category', 'administrative'],
    ['level', 'informational'],
    ['operationname', lower],
    ['resourcetype', lower.slice(0, lower.lastIndexOf('/'))],
    ['resourceprovider', lower.slice(0, lower.indexOf('/'))],
  ];
  return ['started', 'succeeded'].map((status) => new Map([...fields, ['status', status]]));
}

function meets(condition: AlertCondition, event: ReadonlyMap<string, string>): boolean {
  return condition.anyOf.some((leaf) => {
    const value = event.get(leaf.field);
    return value !== undefined && leaf.values.includes(value);
  });
}

/** Why an alert that is about an operation does not notify anyone of it. */
interface Shortfall {
  readonly alert: ActivityLogAlert;
  readonly why: string;
  readonly evidence: Evidence;
}

const NOTICES = 'notices';

/**
 * Whether `alert` notifies someone when `operation` succeeds anywhere in the subscription:
 * its conditions are met by one of the operation's events, it is enabled, one of its scopes
 * is the subscription itself (a resource group scope misses changes elsewhere), and it has an
 * action group. Otherwise the shortfall, for an alert that is about the operation (it names it
 * or names no operation at all); undefined for an alert about other operations.
 */
function verdict(alert: ActivityLogAlert, subscriptionKey: string, operation: string): typeof NOTICES | Shortfall | undefined {
  const events = eventsOf(operation);
  if (!events.some((event) => alert.conditions.every((condition) => meets(condition, event)))) {
    const succeeded = events[events.length - 1]!;
    const unmet = alert.conditions.filter((condition) => !meets(condition, succeeded));
    if (unmet.some((condition) => condition.anyOf.every((leaf) => leaf.field === 'operationname'))) return undefined;
    const first = unmet[0]!;
    return {
      alert,
      why: `has condition ${first.anyOf.map((leaf) => leaf.text).join(' or ')}, which the operation's events do not meet`,
      evidence: { resourceId: alert.resource.id, path: first.path, value: first.raw, note: 'not met by the Administrative event of a successful operation' },
    };
  }
  if (!alert.enabled.value) return { alert, why: 'is disabled', evidence: evidence(alert.enabled) };
  if (!alert.scopeKeys.includes(subscriptionKey)) {
    return {
      alert,
      why: alert.scopeKeys.length === 0 ? 'has no scope' : `is scoped to ${alert.scopes.value.join(', ')}, not the whole subscription`,
      evidence: evidence(alert.scopes, alert.scopes.absent ? 'no scopes' : 'the subscription is not among the scopes'),
    };
  }
  if (alert.actionGroups.value.length === 0) {
    return { alert, why: 'has no action group', evidence: evidence(alert.actionGroups, 'no action group: the alert notifies no one') };
  }
  return NOTICES;
}

/**
 * Reports a subscription whose activity log alerts leave some of `operations` unnoticed: one
 * finding on the subscription naming those operations and the alerts that came close. An
 * alert azscan cannot read does not stop the others from covering an operation; when they do
 * not, it might have, so the subscription is not evaluated rather than failed.
 */
export function reportUnalertedOperations(subscription: ArmResource, context: RuleContext, operations: readonly string[]): void {
  const { values: alerts, unread } = readAll(context.resourcesIn(subscription, ACTIVITY_LOG_ALERT_TYPE), activityLogAlertOf);
  const missing: string[] = [];
  const nearMisses = new Map<string, Shortfall>();
  for (const operation of operations) {
    const shortfalls: Shortfall[] = [];
    let noticed = false;
    for (const alert of alerts) {
      const result = verdict(alert, subscription.key, operation);
      if (result === NOTICES) {
        noticed = true;
        break;
      }
      if (result) shortfalls.push(result);
    }
    if (noticed) continue;
    missing.push(operation);
    for (const shortfall of shortfalls) nearMisses.set(`${shortfall.alert.resource.key}|${shortfall.why}`, shortfall);
  }
  if (missing.length === 0) return;
  if (unread.length > 0) {
    for (const part of unread) context.unreadable(part);
    return;
  }
  const near = [...nearMisses.values()];
  context.report({
    message:
      `Subscription '${subscription.name}' has no enabled activity log alert, scoped to the subscription and with an action group, that fires on ${missing.join(' or ')}` +
      (near.length === 0 ? '.' : `; ${near.map((shortfall) => `alert '${shortfall.alert.resource.name}' ${shortfall.why}`).join('; ')}.`),
    evidence: [
      ...missing.map((operation) => ({
        resourceId: subscription.id,
        path: 'providers/Microsoft.Insights/activityLogAlerts',
        absent: true as const,
        note: `activity log alerts were read for the subscription and none notifies anyone of ${operation}`,
      })),
      ...near.map((shortfall) => shortfall.evidence),
    ],
  });
}

/** The activity log categories CIS 6.1.2 asks a subscription to export. */
const REQUIRED_ACTIVITY_LOG_CATEGORIES = ['Administrative', 'Alert', 'Policy', 'Security'] as const;

/**
 * Which required categories a subscription diagnostic setting exports: each `logs` entry
 * with `enabled` true names a `category`, or the `allLogs` category group, which is every
 * category. Other category groups are not counted.
 */
function exportedCategories(setting: ArmResource): { logs: Setting<readonly unknown[]>; missing: string[] } {
  const logs = readArray(setting, 'properties.logs');
  const enabled = new Set<string>();
  for (const entry of logs.value) {
    if (!isJsonObject(entry) || (entry.enabled !== true && entry.enabled !== 'true')) continue;
    if (typeof entry.categoryGroup === 'string' && entry.categoryGroup.toLowerCase() === 'alllogs') return { logs, missing: [] };
    if (typeof entry.category === 'string') enabled.add(entry.category.toLowerCase());
  }
  return { logs, missing: REQUIRED_ACTIVITY_LOG_CATEGORIES.filter((category) => !enabled.has(category.toLowerCase())) };
}

/**
 * Reports a subscription with no diagnostic setting that exports every required activity log
 * category; a setting azscan cannot read leaves the subscription not evaluated unless another
 * setting settles it.
 */
export function reportActivityLogNotExported(subscription: ArmResource, context: RuleContext): void {
  const settings = context.childrenOf(subscription, DIAGNOSTIC_SETTING_TYPE);
  const { values, unread } = readAll(settings, (setting) => ({ setting, ...exportedCategories(setting) }));
  if (values.some((read) => read.missing.length === 0)) return;
  if (unread.length > 0) {
    for (const part of unread) context.unreadable(part);
    return;
  }
  context.report({
    message:
      values.length === 0
        ? `Subscription '${subscription.name}' has no diagnostic setting: its activity log is not exported.`
        : `Subscription '${subscription.name}' has no diagnostic setting that exports all of ${REQUIRED_ACTIVITY_LOG_CATEGORIES.join(', ')}: ` +
          `${values.map((read) => `'${read.setting.name}' lacks ${read.missing.join(', ')}`).join('; ')}.`,
    evidence:
      values.length === 0
        ? [{ resourceId: subscription.id, path: 'providers/Microsoft.Insights/diagnosticSettings', absent: true, note: 'diagnostic settings were read for the subscription and it has none' }]
        : values.map((read) => evidence(read.logs, read.logs.absent ? `no logs; lacks ${read.missing.join(', ')}` : `lacks ${read.missing.join(', ')}`)),
  });
}
