import rule from '../../../rules/sql/sql-defender-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'defender-enabled': {}, 'state-lowercase': {}, 'arm-example-security-alerts-get': {} },
  fail: {
    'defender-disabled': { findings: [{ resource: '/servers/sql-fixture', message: /^Microsoft Defender for SQL is 'Disabled' on SQL server 'sql-fixture'\.$/, evidencePaths: ['properties.state'] }] },
    'never-configured': { findings: [{ message: /'New' on SQL server 'sql-fixture' \(never configured\)\.$/ }] },
    'state-absent': { findings: [{ message: /is not set on SQL server/ }] },
    'policy-absent-where-collected': { findings: [{ message: /has no securityAlertPolicies\/Default/ }] },
  },
  notEvaluated: {
    'policy-not-collected': { code: 'NotCollected', reason: /securityAlertPolicies was not collected/ },
    'policy-read-failed': { code: 'ResourceNotFound' },
    'state-malformed': { code: 'MalformedProperty', reason: /state is true/ },
  },
});
