import rule from '../../../rules/redis/redis-access-keys-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'access-keys-disabled': {} },
  fail: {
    'access-keys-enabled': {
      findings: [{ resource: '/Redis/redis-fixture', message: /^Redis cache 'redis-fixture' accepts its access keys \(disableAccessKeyAuthentication is false\)\.$/, evidencePaths: ['properties.disableAccessKeyAuthentication'] }],
    },
    'access-keys-absent': { findings: [{ message: /\(disableAccessKeyAuthentication is not set\)\.$/ }] },
  },
  notEvaluated: {
    'access-keys-malformed': { code: 'MalformedProperty', reason: /properties\.disableAccessKeyAuthentication is "disabled"/ },
    'caches-read-failed': { code: 'AuthorizationFailed' },
  },
});
