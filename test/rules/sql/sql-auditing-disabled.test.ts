import rule from '../../../rules/sql/sql-auditing-disabled.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'auditing-enabled': {} },
  fail: {
    'auditing-disabled': { findings: [{ message: /Auditing is 'Disabled' on SQL server 'sql-fixture'/ }] },
    'arm-example-auditing-disabled': { findings: [{ resource: '/servers/blobauditingtest-2080' }] },
    'auditing-absent-where-collected': { findings: [{ message: /has no auditing settings/ }] },
    'auditing-state-absent': { findings: [{ message: /not set/ }] },
  },
  notEvaluated: {
    'auditing-not-collected': { code: 'NotCollected' },
    'auditing-read-forbidden-in-subscription': { code: 'AuthorizationFailed' },
  },
});
