import { ACTIVITY_LOG_ALERT_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * At the API version whose alert conditions the activity-log adapter reads. arm-monitor 7.0.0
 * reads alerts at 2017-04-01, which predates `containsAny` and `anyOf`: an alert narrowed by
 * them could come back looking wider than it is, and pass for one that watches everything.
 */
const ALERTS: ArmRequest = { path: inSubscription(ACTIVITY_LOG_ALERT_TYPE), apiVersion: '2020-10-01' };

export const MONITOR_READERS: readonly ResourceReader[] = [
  {
    type: ACTIVITY_LOG_ALERT_TYPE,
    request: ALERTS,
    read: async (clients, sub) => readArmPath(await clients.monitor(sub), clients.endpoint, subscriptionPath(ALERTS.path, sub), ALERTS.apiVersion),
  },
];
