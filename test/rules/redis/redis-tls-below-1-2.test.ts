import rule from '../../../rules/redis/redis-tls-below-1-2.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'tls-1-2': {} },
  fail: {
    'tls-1-0': { findings: [{ resource: '/Redis/redis-fixture', message: /^Redis cache 'redis-fixture' accepts TLS 1\.0\.$/, evidencePaths: ['properties.minimumTlsVersion'] }] },
    'tls-1-1': { findings: [{ message: /accepts TLS 1\.1\.$/ }] },
    'tls-absent': { findings: [{ message: /accepts TLS 1\.0 \(no minimum TLS version is set\)\.$/ }] },
  },
  notEvaluated: {
    'tls-malformed': { code: 'MalformedProperty', reason: /properties\.minimumTlsVersion is 1\.2/ },
    'caches-read-failed': { code: 'AuthorizationFailed' },
  },
});
