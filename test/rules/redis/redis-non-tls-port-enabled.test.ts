import rule from '../../../rules/redis/redis-non-tls-port-enabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'non-tls-port-disabled': {}, 'non-tls-port-absent': {} },
  fail: {
    'non-tls-port-enabled': {
      findings: [{ resource: '/Redis/redis-fixture', message: /^Redis cache 'redis-fixture' accepts unencrypted connections on its non-TLS port \(6379\)\.$/, severity: 'high', evidencePaths: ['properties.enableNonSslPort'] }],
    },
    'non-tls-port-enabled-as-string': { findings: [{ evidencePaths: ['properties.enableNonSslPort'] }] },
  },
  notEvaluated: {
    'non-tls-port-malformed': { code: 'MalformedProperty', reason: /properties\.enableNonSslPort is "6379"/ },
    'caches-read-failed': { code: 'AuthorizationFailed' },
  },
});
