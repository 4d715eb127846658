import { EVENT_GRID_NAMESPACE_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/** At the API version whose namespace shape the Event Grid adapter reads (MQTT broker, IP rules, private endpoints). */
const NAMESPACES: ArmRequest = { path: inSubscription(EVENT_GRID_NAMESPACE_TYPE), apiVersion: '2025-02-15' };

export const EVENT_GRID_READERS: readonly ResourceReader[] = [
  {
    // arm-eventgrid 14.1.0, the newest that runs on Node 20, predates namespaces: read by path through its pipeline.
    type: EVENT_GRID_NAMESPACE_TYPE,
    request: NAMESPACES,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.eventGrid(sub), clients.endpoint, subscriptionPath(NAMESPACES.path, sub), NAMESPACES.apiVersion, undefined, onPage),
  },
];
