import { ACTIVITY_LOG_ALERT_TYPE } from '../../adapters/activity-log.js';
import { readList } from '../read.js';
import type { ResourceReader } from './reader.js';

export const MONITOR_READERS: readonly ResourceReader[] = [
  {
    type: ACTIVITY_LOG_ALERT_TYPE,
    read: async (clients, sub) => {
      const monitor = await clients.monitor(sub);
      return readList((options) => monitor.activityLogAlerts.listBySubscriptionId(options));
    },
  },
];
