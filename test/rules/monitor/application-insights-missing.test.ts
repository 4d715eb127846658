import rule from '../../../rules/monitor/application-insights-missing.js';
import { testRule } from '../rule-tester.js';

testRule(rule, {
  pass: { 'one-component': {}, 'type-in-lower-case': {} },
  fail: {
    'no-component': {
      findings: [
        {
          resource: '/subscriptions/11111111-2222-3333-4444-555555555555',
          severity: 'low',
          message: /^Subscription 'contoso-fixture' has no Application Insights component: no application in it sends telemetry to Application Insights\.$/,
          evidencePaths: ['providers/Microsoft.Insights/components'],
        },
      ],
    },
    // The other subscription passes; only the one without a component fails.
    'component-in-another-subscription': { findings: [{ resource: '/subscriptions/11111111-2222-3333-4444-555555555555', message: /'contoso-fixture'/ }] },
  },
  notEvaluated: {
    'components-not-collected': { code: 'NotCollected', reason: /Microsoft\.Insights\/components was not collected/ },
    'components-read-failed': { code: 'AuthorizationFailed' },
  },
});
