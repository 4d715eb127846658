import rule from '../../../rules/mysql/mysql-audit-log-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'explicitly-on': {},
    'other-spelling-one': {},
  },
  fail: {
    'explicitly-off': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'medium', message: /MySQL flexible server 'mysql-fixture' does not write an audit log: audit_log_enabled is 'OFF'\.$/, evidencePaths: ['properties.value'] }] },
    'other-spelling-lower-case': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'medium', message: /is 'off'/, evidencePaths: ['properties.value'] }] },
    'parameter-not-listed-takes-default': { findings: [{ message: /\(the documented default\)\.$/, evidencePaths: ['properties.value'] }] },
    'value-missing-takes-default': { findings: [{ message: /\(the documented default\)\.$/ }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-value': { code: 'MalformedProperty', reason: /^parameter 'audit_log_enabled': properties\.value is 1, expected a string/ },
  },
});
