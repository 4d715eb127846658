import { EVENT_GRID_NAMESPACE_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import type { ResourceReader } from './reader.js';

/** The API version whose namespace shape the Event Grid adapter reads (MQTT broker, IP rules, private endpoints). */
const NAMESPACE_API_VERSION = '2025-02-15';

export const EVENT_GRID_READERS: readonly ResourceReader[] = [
  {
    // arm-eventgrid 14.1.0, the newest that runs on Node 20, predates namespaces: read by path through its pipeline.
    type: EVENT_GRID_NAMESPACE_TYPE,
    read: async (clients, sub) =>
      readArmPath(await clients.eventGrid(sub), clients.endpoint, `/subscriptions/${encodeURIComponent(sub)}/providers/${EVENT_GRID_NAMESPACE_TYPE}`, NAMESPACE_API_VERSION),
  },
];
