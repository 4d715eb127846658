import rule from '../../../rules/mysql/mysql-secure-transport-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'explicitly-on': {},
    'other-spelling-lower-case': {},
    'parameter-not-listed-takes-default': {},
    'value-missing-takes-default': {},
  },
  fail: {
    'explicitly-off': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'high', message: /MySQL flexible server 'mysql-fixture' accepts connections without TLS: require_secure_transport is 'OFF'\.$/, evidencePaths: ['properties.value'] }] },
    'other-spelling-zero': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'high', message: /is '0'/, evidencePaths: ['properties.value'] }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-value': { code: 'MalformedProperty', reason: /^parameter 'require_secure_transport': properties\.value is true, expected a string/ },
    'unknown-spelling': { code: 'MalformedProperty', reason: /^parameter 'require_secure_transport': properties\.value is "REQUIRED", expected on or off/ },
  },
});
