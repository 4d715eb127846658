import rule from '../../../rules/monitor/sql-firewall-changes-not-alerted.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'write-and-delete-alerts': {},
    'resource-provider-condition': {},
  },
  fail: {
    'no-alerts': { findings: [{ message: /fires on Microsoft\.Sql\/servers\/firewallRules\/write or Microsoft\.Sql\/servers\/firewallRules\/delete\.$/ }] },
    'only-write-alerted': { findings: [{ message: /fires on Microsoft\.Sql\/servers\/firewallRules\/delete\.$/ }] },
    'server-write-alert-does-not-count': { findings: [{ message: /firewallRules\/write or .*firewallRules\/delete\.$/ }] },
  },
  notEvaluated: {
    'alerts-not-collected': { code: 'NotCollected' },
    'alerts-read-failed': { code: 'AuthorizationFailed' },
  },
});
