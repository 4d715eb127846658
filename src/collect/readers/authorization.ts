import { ROLE_DEFINITION_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * The custom role definitions assignable in the subscription (those defined there, and those of
 * management groups above it that list it or the group among their assignable scopes). Built-in
 * roles, some 500 of them, are left out by ARM's `$filter`.
 */
const CUSTOM_ROLES: ArmRequest = { path: inSubscription(ROLE_DEFINITION_TYPE), apiVersion: '2022-04-01', query: { $filter: "type eq 'CustomRole'" } };

export const AUTHORIZATION_READERS: readonly ResourceReader[] = [
  {
    type: ROLE_DEFINITION_TYPE,
    request: CUSTOM_ROLES,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(CUSTOM_ROLES.path, sub), CUSTOM_ROLES.apiVersion, CUSTOM_ROLES.query, onPage),
  },
];
