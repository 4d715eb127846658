import { assignableScopes, isCustomRole, isSubscriptionOrAbove, roleName, wildcardActionsAt } from '../../src/adapters/role-definition.js';
import { ROLE_DEFINITION_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { readEach } from '../../src/model/not-evaluated.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-GOV-002',
  name: 'custom-subscription-admin-role',
  title: 'Custom role grants every action on a subscription',
  severity: 'high',
  service: 'governance',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [ROLE_DEFINITION_TYPE],
  description:
    'A custom role assignable in the subscription has `*` among its `permissions[].actions` and can be assigned at the subscription, at a management group or at the root (`/`): a home-made Owner, outside the built-in roles that reviews and Privileged Identity Management policies look at. One finding per such role.',
  rationale:
    'A custom role with every action is an Owner under another name: it can assign roles, read keys and delete anything, yet searches and access reviews for Owner do not find its holders. CIS asks that administrators use the built-in roles, whose holders are known.',
  remediation: {
    text: 'Replace the wildcard with the actions the role needs, or delete the role and assign a built-in role (Owner, Contributor, User Access Administrator) where full control is intended.',
    az: 'az role definition update --role-definition <role-definition-json>',
  },
  references: [
    'https://learn.microsoft.com/azure/role-based-access-control/custom-roles',
    'https://learn.microsoft.com/azure/role-based-access-control/role-definitions',
  ],
  compliance: { 'cis-azure-3.0': ['2.23'], mcsb: ['PA-1', 'PA-7'] },
  check(subscription, context) {
    const custom = context.resourcesIn(subscription, ROLE_DEFINITION_TYPE).filter(isCustomRole);
    // One role azscan cannot read is recorded as such and does not hide the others.
    const read = readEach(custom, (role) => ({ wildcard: wildcardActionsAt(role), scopes: assignableScopes(role) }), context);
    for (const { child: role, value } of read) {
      if (!value.wildcard) continue;
      const wide = value.scopes.value.filter(isSubscriptionOrAbove);
      if (wide.length === 0) continue;
      context.report({
        resource: { id: role.id, type: role.type, name: role.name },
        message: `Custom role '${roleName(role)}' in subscription '${subscription.name}' grants every action (*) and is assignable at ${wide.join(', ')}.`,
        evidence: [
          { resourceId: role.id, path: value.wildcard.path, value: value.wildcard.value },
          { resourceId: role.id, path: value.scopes.path, value: value.scopes.raw, note: 'assignable at a subscription or above' },
        ],
      });
    }
  },
});
