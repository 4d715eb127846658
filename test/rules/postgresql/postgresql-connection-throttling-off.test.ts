import rule from '../../../rules/postgresql/postgresql-connection-throttling-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'explicitly-on': {},
    'other-spelling-true': {},
  },
  fail: {
    'explicitly-off': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'medium', message: /PostgreSQL flexible server 'pg-fixture' does not throttle repeated failed logins: connection_throttle\.enable is 'off'\.$/, evidencePaths: ['properties.value'] }] },
    'other-spelling-zero': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'medium', message: /connection_throttle\.enable is '0'/, evidencePaths: ['properties.value'] }] },
    'parameter-not-listed-takes-default': { findings: [{ message: /\(the documented default\)\.$/, evidencePaths: ['properties.value'] }] },
    'value-missing-takes-default': { findings: [{ message: /\(the documented default\)\.$/ }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-value': { code: 'MalformedProperty', reason: /^parameter 'connection_throttle\.enable': properties\.value is 5, expected a string/ },
    'unknown-spelling': { code: 'MalformedProperty', reason: /^parameter 'connection_throttle\.enable': properties\.value is "sometimes", expected on or off/ },
  },
});
