import { EVENT_HUB_NAMESPACE_TYPE, EVENT_HUB_NETWORK_RULE_SET_TYPE } from '../../inventory/arm-types.js';
import { readList, readOne } from '../read.js';
import { inSubscription, place, under, type ResourceReader } from './reader.js';

/** The api-version @azure/arm-eventhub 5.2.0 sends with every operation. */
const EVENT_HUB_API_VERSION = '2024-01-01';

export const EVENT_HUB_READERS: readonly ResourceReader[] = [
  {
    type: EVENT_HUB_NAMESPACE_TYPE,
    request: { path: inSubscription(EVENT_HUB_NAMESPACE_TYPE), apiVersion: EVENT_HUB_API_VERSION },
    read: async (clients, sub, _parent, onPage) => {
      const eventHub = await clients.eventHub(sub);
      return readList((options) => eventHub.namespaces.list(options), onPage);
    },
  },
  {
    // Every namespace has its `default` rule set (Allow, no rules, until configured), so a
    // 404 is a failed read, not a namespace without one.
    type: EVENT_HUB_NETWORK_RULE_SET_TYPE,
    parentType: EVENT_HUB_NAMESPACE_TYPE,
    request: { path: under(EVENT_HUB_NAMESPACE_TYPE, 'networkRuleSets/default'), apiVersion: EVENT_HUB_API_VERSION },
    read: async (clients, sub, parent) => {
      const eventHub = await clients.eventHub(sub);
      const namespace = place(parent);
      return [await readOne((options) => eventHub.namespaces.getNetworkRuleSet(namespace.group, namespace.name, options))];
    },
  },
];
