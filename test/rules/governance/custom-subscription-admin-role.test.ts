import rule from '../../../rules/governance/custom-subscription-admin-role.js';
import { testRule } from '../rule-tester.js';

const ROLES = '/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Authorization/roleDefinitions';

testRule(rule, {
  pass: {
    'no-custom-roles': {},
    'least-privilege-custom-role': {},
    'wildcard-role-assignable-in-resource-group': {},
    'built-in-owner-listed': {},
  },
  fail: {
    'subscription-admin-role': {
      findings: [
        {
          resource: `${ROLES}/a6d2e9f0-3c1b-4e7a-8d5f-2b9c0e1f3a72`,
          message: /^Custom role 'Subscription Admin' in subscription 'contoso-fixture' grants every action \(\*\) and is assignable at \/subscriptions\/11111111-2222-3333-4444-555555555555\.$/,
          evidencePaths: ['properties.permissions[0].actions', 'properties.assignableScopes'],
        },
      ],
    },
    'management-group-and-root-roles': {
      findings: [
        { resource: `${ROLES}/b7e3f0a1-4d2c-4f8b-9e6a-3c0d1f2a4b83`, message: /'Platform Admin'.*assignable at \/providers\/Microsoft\.Management\/managementGroups\/contoso-platform\.$/ },
        { resource: `${ROLES}/c8f4a1b2-5e3d-4a9c-8f7b-4d1e2a3b5c94`, message: /'Tenant Admin'.*assignable at \/\.$/ },
      ],
    },
    'malformed-role-beside-admin-role': {
      findings: [{ resource: `${ROLES}/a6d2e9f0-3c1b-4e7a-8d5f-2b9c0e1f3a72` }],
      unread: [{ code: 'MalformedProperty', reason: /^'5f3c2a1e-8b7d-4c6a-9e2f-1a0b3c4d5e61': properties\.permissions\[0\]\.actions is "\*"/ }],
    },
  },
  notEvaluated: {
    'actions-malformed': { code: 'MalformedProperty', reason: /properties\.permissions\[0\]\.actions is "\*", expected an array of actions/ },
    'scopes-malformed': { code: 'MalformedProperty', reason: /properties\.assignableScopes is "\/subscriptions\// },
    'roles-not-collected': { code: 'NotCollected' },
    'roles-read-failed': { code: 'AuthorizationFailed' },
  },
});
