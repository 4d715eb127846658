import rule from '../../../rules/monitor/security-solution-changes-not-alerted.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'write-and-delete-alerts': {},
  },
  fail: {
    'no-alerts': { findings: [{ message: /fires on Microsoft\.Security\/securitySolutions\/write or Microsoft\.Security\/securitySolutions\/delete\.$/ }] },
    'only-write-alerted': { findings: [{ message: /fires on Microsoft\.Security\/securitySolutions\/delete\.$/ }] },
    'alert-disabled': { findings: [{ message: /alert 'solution-write' is disabled; alert 'solution-delete' is disabled\.$/ }] },
    'arm-example-alerts': { findings: [{ message: /alert 'SampleActivityLogAlertRule1' has condition level = Error.*alert 'SampleActivityLogAlertRule2' is scoped to/ }] },
  },
  notEvaluated: {
    'alerts-not-collected': { code: 'NotCollected' },
    'alerts-read-failed': { code: 'AuthorizationFailed' },
  },
});
