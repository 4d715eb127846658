import { APPLICATION_INSIGHTS_TYPE, SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';
import { defineRule } from '../../src/model/rule.js';

export default defineRule({
  id: 'AZ-MON-011',
  name: 'application-insights-missing',
  title: 'Subscription without Application Insights',
  severity: 'low',
  service: 'monitor',
  resourceTypes: [SUBSCRIPTION_TYPE],
  requires: [APPLICATION_INSIGHTS_TYPE],
  description:
    'The subscription has no Application Insights component (`Microsoft.Insights/components`). Which applications a component monitors is not judged: CIS 6.3.1 asks that Application Insights be configured, and one component is enough to pass.',
  rationale:
    'Application Insights records the requests, dependencies, exceptions and sign-in failures of the applications it monitors. Without it, an application being probed, scraped or abused shows nothing above the infrastructure logs, and an incident in the application itself has no record to investigate.',
  remediation: {
    text: 'Create a workspace-based Application Insights component for each application and connect the application to it (auto-instrumentation for App Service and Functions, or the OpenTelemetry distro).',
    az: 'az monitor app-insights component create --app <name> --location <region> --resource-group <resource-group> --workspace <log-analytics-workspace-id>',
  },
  references: ['https://learn.microsoft.com/azure/azure-monitor/app/app-insights-overview', 'https://learn.microsoft.com/azure/azure-monitor/app/create-workspace-resource'],
  compliance: { 'cis-azure-3.0': ['6.3.1'], mcsb: ['LT-3'] },
  check(subscription, context) {
    // Stops here, not evaluated, when components were not read for the subscription or the read failed.
    if (context.resourcesIn(subscription, APPLICATION_INSIGHTS_TYPE).length > 0) return;
    context.report({
      message: `Subscription '${subscription.name}' has no Application Insights component: no application in it sends telemetry to Application Insights.`,
      evidence: [{ resourceId: subscription.id, path: 'providers/Microsoft.Insights/components', absent: true, note: 'Application Insights components were read for the subscription and it has none' }],
    });
  },
});
