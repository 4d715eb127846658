import { EVENT_HUB_NAMESPACE_TYPE, EVENT_HUB_NETWORK_RULE_SET_TYPE } from '../../inventory/arm-types.js';
import { readList, readOne } from '../read.js';
import { place, type ResourceReader } from './reader.js';

export const EVENT_HUB_READERS: readonly ResourceReader[] = [
  {
    type: EVENT_HUB_NAMESPACE_TYPE,
    read: async (clients, sub) => {
      const eventHub = await clients.eventHub(sub);
      return readList((options) => eventHub.namespaces.list(options));
    },
  },
  {
    // Every namespace has its `default` rule set (Allow, no rules, until configured), so a
    // 404 is a failed read, not a namespace without one.
    type: EVENT_HUB_NETWORK_RULE_SET_TYPE,
    parentType: EVENT_HUB_NAMESPACE_TYPE,
    read: async (clients, sub, parent) => {
      const eventHub = await clients.eventHub(sub);
      const namespace = place(parent);
      return [await readOne((options) => eventHub.namespaces.getNetworkRuleSet(namespace.group, namespace.name, options))];
    },
  },
];
