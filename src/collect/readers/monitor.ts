import { ACTIVITY_LOG_ALERT_TYPE, APPLICATION_INSIGHTS_TYPE, LOG_ANALYTICS_WORKSPACE_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * At the API version whose alert conditions the activity-log adapter reads. arm-monitor 7.0.0
 * reads alerts at 2017-04-01, which predates `containsAny` and `anyOf`: an alert narrowed by
 * them could come back looking wider than it is, and pass for one that watches everything.
 */
const ALERTS: ArmRequest = { path: inSubscription(ACTIVITY_LOG_ALERT_TYPE), apiVersion: '2020-10-01' };
/** Application Insights components, at the stable api-version of the components spec (applicationinsights 2020-02-02). */
const COMPONENTS: ArmRequest = { path: inSubscription(APPLICATION_INSIGHTS_TYPE), apiVersion: '2020-02-02' };
/** Log Analytics workspaces, at a stable api-version whose shape has `retentionInDays` and `sku` (operationalinsights 2023-09-01). */
const WORKSPACES: ArmRequest = { path: inSubscription(LOG_ANALYTICS_WORKSPACE_TYPE), apiVersion: '2023-09-01' };

export const MONITOR_READERS: readonly ResourceReader[] = [
  {
    type: ACTIVITY_LOG_ALERT_TYPE,
    request: ALERTS,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.monitor(sub), clients.endpoint, subscriptionPath(ALERTS.path, sub), ALERTS.apiVersion, undefined, onPage),
  },
  bySubscriptionPath(APPLICATION_INSIGHTS_TYPE, COMPONENTS),
  bySubscriptionPath(LOG_ANALYTICS_WORKSPACE_TYPE, WORKSPACES),
];

/** A type listed once per subscription by a GET on its ARM path (no SDK dependency for it). */
function bySubscriptionPath(type: string, request: ArmRequest): ResourceReader {
  return {
    type,
    request,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(request.path, sub), request.apiVersion, undefined, onPage),
  };
}
