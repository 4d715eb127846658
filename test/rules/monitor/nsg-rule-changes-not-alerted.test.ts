import rule from '../../../rules/monitor/nsg-rule-changes-not-alerted.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'write-and-delete-alerts': {},
    'resource-type-condition': {},
  },
  fail: {
    'no-alerts': { findings: [{ message: /fires on Microsoft\.Network\/networkSecurityGroups\/securityRules\/write or Microsoft\.Network\/networkSecurityGroups\/securityRules\/delete\.$/ }] },
    'only-write-alerted': { findings: [{ message: /fires on Microsoft\.Network\/networkSecurityGroups\/securityRules\/delete\.$/ }] },
    // An alert on the NSG itself does not fire when one of its rules is written as a resource of its own.
    'nsg-alert-does-not-cover-rules': { findings: [{ message: /securityRules\/write or .*securityRules\/delete\.$/ }] },
  },
  notEvaluated: {
    'alerts-not-collected': { code: 'NotCollected' },
    'alerts-read-failed': { code: 'AuthorizationFailed' },
  },
});
