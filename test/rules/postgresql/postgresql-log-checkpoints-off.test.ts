import rule from '../../../rules/postgresql/postgresql-log-checkpoints-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'explicitly-on': {},
    'other-spelling-true': {},
    'parameter-not-listed-takes-default': {},
    'value-missing-takes-default': {},
  },
  fail: {
    'explicitly-off': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'low', message: /PostgreSQL flexible server 'pg-fixture' does not log checkpoints: log_checkpoints is 'off'\.$/, evidencePaths: ['properties.value'] }] },
    'other-spelling-zero': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'low', message: /log_checkpoints is '0'/, evidencePaths: ['properties.value'] }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-value': { code: 'MalformedProperty', reason: /^parameter 'log_checkpoints': properties\.value is 5, expected a string/ },
    'unknown-spelling': { code: 'MalformedProperty', reason: /^parameter 'log_checkpoints': properties\.value is "sometimes", expected on or off/ },
  },
});
