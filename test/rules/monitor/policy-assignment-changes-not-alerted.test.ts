import rule from '../../../rules/monitor/policy-assignment-changes-not-alerted.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'write-and-delete-alerts': {},
  },
  fail: {
    'no-alerts': { findings: [{ message: /fires on Microsoft\.Authorization\/policyAssignments\/write or Microsoft\.Authorization\/policyAssignments\/delete\.$/ }] },
    'only-write-alerted': { findings: [{ message: /fires on Microsoft\.Authorization\/policyAssignments\/delete\.$/ }] },
    'alert-disabled': { findings: [{ message: /alert 'policy-write' is disabled; alert 'policy-delete' is disabled\.$/ }] },
    'arm-example-alerts': { findings: [{ message: /alert 'SampleActivityLogAlertRule1' has condition level = Error.*alert 'SampleActivityLogAlertRule2' is scoped to/ }] },
  },
  notEvaluated: {
    'alerts-not-collected': { code: 'NotCollected' },
    'alerts-read-failed': { code: 'AuthorizationFailed' },
  },
});
