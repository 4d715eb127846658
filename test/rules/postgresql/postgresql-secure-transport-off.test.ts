import rule from '../../../rules/postgresql/postgresql-secure-transport-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'explicitly-on': {},
    'other-spelling-true': {},
    'parameter-not-listed-takes-default': {},
    'value-missing-takes-default': {},
  },
  fail: {
    'explicitly-off': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'high', message: /PostgreSQL flexible server 'pg-fixture' accepts connections without TLS: require_secure_transport is 'off'\.$/, evidencePaths: ['properties.value'] }] },
    'other-spelling-zero': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'high', message: /require_secure_transport is '0'/, evidencePaths: ['properties.value'] }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-value': { code: 'MalformedProperty', reason: /^parameter 'require_secure_transport': properties\.value is 5, expected a string/ },
    'unknown-spelling': { code: 'MalformedProperty', reason: /^parameter 'require_secure_transport': properties\.value is "sometimes", expected on or off/ },
  },
});
