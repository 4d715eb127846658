import rule from '../../../rules/keyvault/keyvault-access-policies-not-rbac.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'rbac-enabled': {} },
  fail: {
    'access-policies': { findings: [{ resource: '/vaults/kv-fixture', message: /^Key Vault 'kv-fixture' grants access to its keys, secrets and certificates through vault access policies, not Azure RBAC\.$/, evidencePaths: ['properties.enableRbacAuthorization'] }] },
    'rbac-absent': { findings: [{ message: /\(enableRbacAuthorization is not set\)/ }] },
  },
  notEvaluated: { 'rbac-malformed': { code: 'MalformedProperty', reason: /enableRbacAuthorization is "yes"/ } },
});
