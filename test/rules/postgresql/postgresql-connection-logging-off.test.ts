import rule from '../../../rules/postgresql/postgresql-connection-logging-off.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'both-on': {},
    'parameters-not-listed-take-defaults': {},
  },
  fail: {
    'connections-off': { findings: [{ resource: '/flexibleServers/pg-fixture', severity: 'medium', message: /^PostgreSQL flexible server 'pg-fixture' does not log connection attempts: log_connections is 'off'\.$/, evidencePaths: ['properties.value'] }] },
    'both-off': { findings: [{ message: /does not log connection attempts or session ends: log_connections is 'OFF', log_disconnections is 'false'\.$/, evidencePaths: ['properties.value', 'properties.value'] }] },
  },
  notEvaluated: {
    'configurations-not-collected': { code: 'NotCollected', reason: /configurations was not collected/ },
    'configurations-read-failed': { code: 'ThrottlingExceeded' },
    'malformed-value': { code: 'MalformedProperty', reason: /^parameter 'log_disconnections': properties\.value is \["on"\], expected a string/ },
  },
});
