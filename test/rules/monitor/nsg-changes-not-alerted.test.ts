import rule from '../../../rules/monitor/nsg-changes-not-alerted.js';
import { testRule } from '../rule-tester.js';

const SUBSCRIPTION = '/subscriptions/11111111-2222-3333-4444-555555555555';
const WRITE = 'Microsoft\\.Network/networkSecurityGroups/write';
const DELETE = 'Microsoft\\.Network/networkSecurityGroups/delete';
const NONE = 'providers/Microsoft.Insights/activityLogAlerts';

testRule(rule, {
  pass: {
    'write-and-delete-alerts': {},
    'administrative-alert-without-operation': {},
    'case-and-id-spelling-differ': {},
    'contains-any-operations': {},
    'any-of-operations': {},
    'resource-type-and-status-conditions': {},
    'enabled-absent-means-true': {},
    'malformed-alert-beside-covering-ones': {},
    'second-scope-is-the-subscription': {},
  },
  fail: {
    'no-alerts': { findings: [{ resource: SUBSCRIPTION, message: new RegExp(`^Subscription 'contoso-fixture' has no enabled activity log alert, scoped to the subscription and with an action group, that fires on ${WRITE} or ${DELETE}\\.$`), evidencePaths: [NONE] }] },
    'only-write-alerted': { findings: [{ message: new RegExp(`fires on ${DELETE}\\.$`) }] },
    'alert-disabled': { findings: [{ message: new RegExp(`fires on ${DELETE}; alert 'alert-delete' is disabled\\.$`), evidencePaths: [NONE, 'properties.enabled'] }] },
    'string-enabled-false': { findings: [{ message: new RegExp(`fires on ${WRITE}; alert 'alert-write' is disabled\\.$`) }] },
    'alert-without-action-group': { findings: [{ message: /alert 'alert-write' has no action group; alert 'alert-delete' has no action group\.$/, evidencePaths: ['properties.actions.actionGroups'] }] },
    'category-not-administrative': { findings: [{ message: /alert 'security-nsg' has condition category = Security, which the operation's events do not meet\.$/, evidencePaths: ['properties.condition.allOf[0]'] }] },
    'narrowed-to-failures': { findings: [{ message: new RegExp(`fires on ${WRITE}; alert 'nsg-failures' has condition status = Failed`), evidencePaths: ['properties.condition.allOf[2]'] }] },
    'narrowed-to-one-caller': { findings: [{ message: /alert 'nsg-by-admin' has condition caller = admin@contoso\.com/ }] },
    'scoped-to-resource-group': { findings: [{ message: /alert 'alert-write' is scoped to \/subscriptions\/[^ ]+\/resourceGroups\/rg-web, not the whole subscription\.$/, evidencePaths: ['properties.scopes'] }] },
    'wrong-operation': { findings: [{ message: new RegExp(`fires on ${WRITE} or ${DELETE}\\.$`) }] },
    'alert-in-another-subscription': {
      findings: [
        { resource: SUBSCRIPTION, message: new RegExp(`^Subscription 'contoso-fixture' .* fires on ${WRITE} or ${DELETE}\\.$`) },
        { resource: '/subscriptions/22222222-3333-4444-5555-666666666666', message: /^Subscription 'contoso-monitoring' .*alert 'alert-write' is scoped to \/subscriptions\/11111111-2222-3333-4444-555555555555, not the whole subscription/ },
      ],
    },
    'arm-example-alerts': {
      findings: [
        {
          resource: '/subscriptions/187f412d-1758-44d9-b052-169e2564721d',
          message: /alert 'SampleActivityLogAlertRule1' has condition level = Error, .*; alert 'SampleActivityLogAlertRule2' is scoped to subscriptions\/187f412d-1758-44d9-b052-169e2564721d\/resourceGroups\/MyResourceGroup2, not the whole subscription\.$/,
          evidencePaths: ['properties.condition.allOf[1]', 'properties.scopes'],
        },
      ],
    },
  },
  notEvaluated: {
    'alerts-not-collected': { code: 'NotCollected', reason: /Microsoft\.Insights\/activityLogAlerts was not collected/ },
    'alerts-read-failed': { code: 'AuthorizationFailed' },
    'only-alert-malformed': { code: 'MalformedProperty', reason: /^'broken': properties\.scopes is/ },
    'malformed-alert-might-cover': { code: 'MalformedProperty', reason: /^'broken': properties\.condition\.allOf\[1\]\.anyOf is/ },
  },
});
