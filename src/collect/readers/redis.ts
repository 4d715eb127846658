import { REDIS_CACHE_TYPE, REDIS_FIREWALL_RULE_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, parentPath, subscriptionPath, under, type ArmRequest, type ResourceReader } from './reader.js';

/** At the stable API version whose cache shape the Redis adapter reads (`disableAccessKeyAuthentication` since 2024-03-01). */
const CACHES: ArmRequest = { path: inSubscription(REDIS_CACHE_TYPE), apiVersion: '2024-11-01' };
/** Every firewall rule of a cache, one paged list per cache; an empty list means none. */
const FIREWALL_RULES: ArmRequest = { path: under(REDIS_CACHE_TYPE, 'firewallRules'), apiVersion: '2024-11-01' };

export const REDIS_READERS: readonly ResourceReader[] = [
  {
    type: REDIS_CACHE_TYPE,
    request: CACHES,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(CACHES.path, sub), CACHES.apiVersion, undefined, onPage),
  },
  {
    type: REDIS_FIREWALL_RULE_TYPE,
    parentType: REDIS_CACHE_TYPE,
    request: FIREWALL_RULES,
    read: async (clients, _sub, parent) =>
      readArmPath(await clients.armPipeline(), clients.endpoint, parentPath(FIREWALL_RULES.path, REDIS_CACHE_TYPE, parent), FIREWALL_RULES.apiVersion),
  },
];
