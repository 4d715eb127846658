import rule from '../../../rules/monitor/activity-log-not-exported.js';
import { testRule } from '../rule-tester.js';

const SUBSCRIPTION = '/subscriptions/11111111-2222-3333-4444-555555555555';

testRule(rule, {
  pass: {
    'every-category-exported': {},
    'all-logs-category-group': {},
    'one-of-two-settings-complete': {},
    'read-for-every-parent': {},
    'enabled-as-string-and-case-differs': {},
    'malformed-setting-beside-complete-one': {},
  },
  fail: {
    'no-setting': { findings: [{ resource: SUBSCRIPTION, message: /^Subscription 'contoso-fixture' has no diagnostic setting: its activity log is not exported\.$/, evidencePaths: ['providers/Microsoft.Insights/diagnosticSettings'] }] },
    'resource-setting-does-not-count': { findings: [{ resource: SUBSCRIPTION, message: /has no diagnostic setting: its activity log is not exported/ }] },
    'missing-alert-and-policy': { findings: [{ message: /^Subscription 'contoso-fixture' has no diagnostic setting that exports all of Administrative, Alert, Policy, Security: 'activity-log' lacks Alert, Policy\.$/, evidencePaths: ['properties.logs'] }] },
    'categories-disabled': { findings: [{ message: /'activity-log' lacks Administrative, Alert, Policy, Security\.$/ }] },
    // One setting has to export all four: CIS 6.1.2 (and prowler's check) read it so.
    'split-across-settings': { findings: [{ message: /'admin-and-alert' lacks Policy, Security; 'policy-and-security' lacks Administrative, Alert\.$/ }] },
    'audit-group-only': { findings: [{ message: /'activity-log' lacks Administrative, Alert, Policy, Security/ }] },
    'no-logs-property': { findings: [{ message: /'metrics-only' lacks Administrative, Alert, Policy, Security/ }] },
  },
  notEvaluated: {
    'not-collected': { code: 'NotCollected', reason: /Microsoft\.Insights\/diagnosticSettings was not collected/ },
    'read-failed': { code: 'AuthorizationFailed' },
    'logs-malformed': { code: 'MalformedProperty', reason: /^'activity-log': properties\.logs is/ },
    'malformed-setting-beside-incomplete-one': { code: 'MalformedProperty', reason: /^'broken'/ },
  },
});
