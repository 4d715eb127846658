import type { ArmResource } from '../inventory/types.js';
import { isJsonObject } from '../inventory/types.js';
import { MalformedProperty } from '../model/not-evaluated.js';
import { readArray, readString, sameText, type Setting } from './setting.js';

/*
 * Role definitions (`Microsoft.Authorization/roleDefinitions`, API 2022-04-01). The spec gives
 * no defaults: every role has a `type`, `assignableScopes` and `permissions`.
 */

/** `properties.type`: `CustomRole` or `BuiltInRole`; absent, not shown to be custom. */
export function roleType(role: ArmResource): Setting<string | undefined> {
  return readString(role, 'properties.type', undefined);
}

export function isCustomRole(role: ArmResource): boolean {
  return sameText(roleType(role).value, 'CustomRole');
}

/** `properties.roleName`, for messages; the name (a GUID) when absent. */
export function roleName(role: ArmResource): string {
  return readString(role, 'properties.roleName', role.name).value;
}

/** `properties.assignableScopes`: where the role can be assigned; absent, nowhere. */
export function assignableScopes(role: ArmResource): Setting<readonly string[]> {
  const scopes = readArray(role, 'properties.assignableScopes');
  scopes.value.forEach((scope, i) => {
    if (typeof scope !== 'string') throw new MalformedProperty(`properties.assignableScopes[${i}]`, 'a scope', scope);
  });
  return scopes as Setting<readonly string[]>;
}

/**
 * The index of the first `properties.permissions[]` entry whose `actions` grant every action
 * (`*`), or undefined. Absent `permissions` or `actions` grant nothing.
 */
export function wildcardActionsAt(role: ArmResource): { readonly path: string; readonly value: readonly string[] } | undefined {
  const permissions = readArray(role, 'properties.permissions');
  for (const [i, permission] of permissions.value.entries()) {
    if (!isJsonObject(permission)) throw new MalformedProperty(`properties.permissions[${i}]`, 'a permission {"actions", …}', permission);
    const actions = permission.actions ?? [];
    const path = `properties.permissions[${i}].actions`;
    if (!Array.isArray(actions) || actions.some((action) => typeof action !== 'string')) throw new MalformedProperty(path, 'an array of actions', actions);
    if ((actions as string[]).some((action) => action.trim() === '*')) return { path, value: actions as string[] };
  }
  return undefined;
}

/** Whether a scope is the root, a subscription or a management group (not a resource group or a resource). */
export function isSubscriptionOrAbove(scope: string): boolean {
  const normal = scope.trim().replace(/\/+$/, '').toLowerCase();
  return normal === '' || /^\/?subscriptions\/[^/]+$/.test(normal) || /^\/?providers\/microsoft\.management\/managementgroups\/[^/]+$/.test(normal);
}
