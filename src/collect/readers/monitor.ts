import { ACTIVITY_LOG_ALERT_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import type { ResourceReader } from './reader.js';

/**
 * The API version whose alert conditions the activity-log adapter reads. arm-monitor 7.0.0
 * reads alerts at 2017-04-01, which predates `containsAny` and `anyOf`: an alert narrowed by
 * them could come back looking wider than it is, and pass for one that watches everything.
 */
const ALERT_API_VERSION = '2020-10-01';

export const MONITOR_READERS: readonly ResourceReader[] = [
  {
    type: ACTIVITY_LOG_ALERT_TYPE,
    read: async (clients, sub) =>
      readArmPath(await clients.monitor(sub), clients.endpoint, `/subscriptions/${encodeURIComponent(sub)}/providers/${ACTIVITY_LOG_ALERT_TYPE}`, ALERT_API_VERSION),
  },
];
