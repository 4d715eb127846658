import rule from '../../../rules/containerregistry/acr-admin-user-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'admin-user-disabled': {}, 'admin-user-absent': {} },
  fail: {
    'admin-user-enabled': { findings: [{ resource: '/registries/crfixture', message: /^Container registry 'crfixture' has the admin user enabled: its access keys sign in with push and pull rights to every repository\.$/, evidencePaths: ['properties.adminUserEnabled'] }] },
    'admin-user-enabled-basic-sku': { findings: [{ evidencePaths: ['properties.adminUserEnabled'] }] },
  },
  notEvaluated: {
    'admin-user-malformed': { code: 'MalformedProperty', reason: /adminUserEnabled is "enabled"/ },
    'registry-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
