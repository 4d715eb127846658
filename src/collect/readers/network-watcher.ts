import { FLOW_LOG_TYPE, NETWORK_WATCHER_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, parentPath, subscriptionPath, under, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * Network Watchers (one per subscription and region) and each watcher's flow logs, NSG and
 * virtual network flow logs alike, by GET on their ARM paths at a stable api-version of the
 * network spec whose flow log shape has `targetResourceId`, `enabled` and `retentionPolicy`.
 */
const NETWORK_WATCHER_API_VERSION = '2024-05-01';
const WATCHERS: ArmRequest = { path: inSubscription(NETWORK_WATCHER_TYPE), apiVersion: NETWORK_WATCHER_API_VERSION };
const FLOW_LOGS: ArmRequest = { path: under(NETWORK_WATCHER_TYPE, 'flowLogs'), apiVersion: NETWORK_WATCHER_API_VERSION };

export const NETWORK_WATCHER_READERS: readonly ResourceReader[] = [
  {
    type: NETWORK_WATCHER_TYPE,
    request: WATCHERS,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(WATCHERS.path, sub), WATCHERS.apiVersion, undefined, onPage),
  },
  {
    type: FLOW_LOG_TYPE,
    parentType: NETWORK_WATCHER_TYPE,
    request: FLOW_LOGS,
    read: async (clients, _sub, parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, parentPath(FLOW_LOGS.path, NETWORK_WATCHER_TYPE, parent), FLOW_LOGS.apiVersion, undefined, onPage),
  },
];
