import rule from '../../../rules/mysql/mysql-audit-log-misses-connections.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'connection-with-others': {},
    'connection-lower-case-spaced': {},
    'parameter-not-listed-takes-default': {},
    'value-missing-takes-default': {},
  },
  fail: {
    'connection-left-out': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'medium', message: /MySQL flexible server 'mysql-fixture' does not audit connections: audit_log_events is 'DML,DDL'\.$/, evidencePaths: ['properties.value'] }] },
    'empty-list': { findings: [{ resource: '/flexibleServers/mysql-fixture', severity: 'medium', message: /audit_log_events is ''/, evidencePaths: ['properties.value'] }] },
  },
  notApplicable: {
    'audit-log-off': { reason: /^audit logging is off \(audit_log_enabled is 'OFF'\); AZ-MY-003 reports that$/ },
    'audit-log-not-listed': { reason: /audit_log_enabled is 'OFF' \(the documented default\)/ },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'AuthorizationFailed' },
    'malformed-value': { code: 'MalformedProperty', reason: /^parameter 'audit_log_events': properties\.value is \["CONNECTION"\], expected a string/ },
    'audit-log-enabled-malformed': { code: 'MalformedProperty', reason: /^parameter 'audit_log_enabled': properties\.value is "maybe"/ },
  },
});
