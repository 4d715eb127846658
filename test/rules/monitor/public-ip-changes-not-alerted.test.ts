import rule from '../../../rules/monitor/public-ip-changes-not-alerted.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: {
    'write-and-delete-alerts': {},
    'contains-any-operations': {},
  },
  fail: {
    'no-alerts': { findings: [{ message: /fires on Microsoft\.Network\/publicIPAddresses\/write or Microsoft\.Network\/publicIPAddresses\/delete\.$/ }] },
    'only-write-alerted': { findings: [{ message: /fires on Microsoft\.Network\/publicIPAddresses\/delete\.$/ }] },
    'scoped-to-resource-group': { findings: [{ message: /alert 'public-ip-changes' is scoped to .*\/resourceGroups\/rg-web, not the whole subscription\.$/, evidencePaths: ['properties.scopes'] }] },
  },
  notEvaluated: {
    'alerts-not-collected': { code: 'NotCollected' },
    'alerts-read-failed': { code: 'AuthorizationFailed' },
  },
});
