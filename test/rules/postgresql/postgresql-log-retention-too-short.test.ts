import rule from '../../../rules/postgresql/postgresql-log-retention-too-short.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'four-days': {},
    'seven-days': {},
  },
  fail: {
    'three-days-explicit': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'low', message: /keeps its server logs for 3 days or fewer: logfiles\.retention_days is '3'\.$/, evidencePaths: ['properties.value'] }] },
    'one-day': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'low', message: /is '1'/, evidencePaths: ['properties.value'] }] },
    'parameter-not-listed-takes-default': { findings: [{ message: /\(the documented default\)\.$/, evidencePaths: ['properties.value'] }] },
    'value-missing-takes-default': { findings: [{ message: /\(the documented default\)\.$/ }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-not-a-number': { code: 'MalformedProperty', reason: /^parameter 'logfiles\.retention_days': properties\.value is "seven", expected a whole number/ },
    'malformed-number-type': { code: 'MalformedProperty', reason: /^parameter 'logfiles\.retention_days': properties\.value is 7, expected a string/ },
  },
});
