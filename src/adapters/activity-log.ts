import { idKey } from '../inventory/arm-id.js';
import { type ArmResource, isJsonObject } from '../inventory/types.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { readArray, readBoolean, type Setting } from './setting.js';

/**
 * Activity log alerts as rules about a subscription see them (AZ-MON-002 … 006): an alert's
 * conditions, scopes and action groups, and the events an operation writes to the activity
 * log, so a rule can tell whether an alert fires on it.
 */

/** One leaf of an alert condition: a field (lower case) and the values that meet it (lower case). */
export interface ConditionLeaf {
  readonly field: string;
  readonly values: readonly string[];
  /** `level = Error`, `operationName in [a, b]`, as written. */
  readonly text: string;
}

/** One entry of `condition.allOf`: met when any of its leaves is (a plain leaf is one). */
export interface AlertCondition {
  readonly path: string;
  readonly raw: unknown;
  readonly anyOf: readonly ConditionLeaf[];
}

export interface ActivityLogAlert {
  readonly resource: ArmResource;
  /** `properties.enabled`: absent means true (the API's default; arm-monitor's model says so too). */
  readonly enabled: Setting<boolean>;
  readonly scopes: Setting<readonly unknown[]>;
  readonly scopeKeys: readonly string[];
  readonly actionGroups: Setting<readonly unknown[]>;
  readonly conditions: readonly AlertCondition[];
}

/** Reads an activity log alert; a value it cannot interpret throws MalformedProperty. */
export function activityLogAlertOf(resource: ArmResource): ActivityLogAlert {
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
export function eventsOf(operation: string): ReadonlyArray<ReadonlyMap<string, string>> {
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

export function meets(condition: AlertCondition, event: ReadonlyMap<string, string>): boolean {
  return condition.anyOf.some((leaf) => {
    const value = event.get(leaf.field);
    return value !== undefined && leaf.values.includes(value);
  });
}
