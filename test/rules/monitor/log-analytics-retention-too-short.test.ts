import rule from '../../../rules/monitor/log-analytics-retention-too-short.js';
import { testRule } from '../rule-tester.js';

// One case per fixture under fixtures/rules/AZ-MON-009/<bucket>/: add the cases the rule can meet,
// in all four buckets (pass, fail, notApplicable with its reason, notEvaluated with its code).
testRule(rule, {
  pass: { 'example-setting-true': {} },
  fail: { 'example-setting-false': { findings: [{ resource: '/workspaces/monitorfixture', evidencePaths: ['properties.exampleSetting'] }] } },
});
