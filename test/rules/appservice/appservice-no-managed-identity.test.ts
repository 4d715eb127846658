import rule from '../../../rules/appservice/appservice-no-managed-identity.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'system-assigned': {}, 'user-assigned-slot': {} },
  fail: {
    'arm-example-get-web-app': { findings: [{ resource: '/sites/sitef6141', message: /identity.type is not set/, evidencePaths: ['identity.type'] }] },
    'identity-none': { findings: [{ message: /identity.type is 'None'/ }] },
  },
  notEvaluated: { 'identity-type-malformed': { code: 'MalformedProperty', reason: /identity.type/ } },
});
