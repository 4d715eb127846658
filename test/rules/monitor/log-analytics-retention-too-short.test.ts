import rule from '../../../rules/monitor/log-analytics-retention-too-short.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'ninety-days': {}, 'two-years': {}, 'thirty-days-with-minimum-30': { options: { minimumDays: 30 } } },
  fail: {
    'arm-example-thirty-days': {
      findings: [{ resource: '/workspaces/log-contoso', severity: 'low', message: /^Log Analytics workspace 'log-contoso' keeps its data for 30 days, less than 90\.$/, evidencePaths: ['properties.retentionInDays'] }],
    },
    'retention-absent': { findings: [{ message: /keeps its data for 30 days \(not set, the default\), less than 90\.$/ }] },
    'eighty-nine-days': { findings: [{ message: /89 days, less than 90/ }] },
    'ninety-days-with-minimum-365': { options: { minimumDays: 365 }, findings: [{ message: /90 days, less than 365/ }] },
  },
  notEvaluated: {
    'retention-malformed': { code: 'MalformedProperty', reason: /properties\.retentionInDays is "90", expected a number/ },
    'workspace-list-forbidden': { code: 'AuthorizationFailed' },
  },
});
