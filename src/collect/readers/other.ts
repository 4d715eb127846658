import { IOT_HUB_TYPE } from '../../adapters/iothub.js';
import { readList } from '../read.js';
import type { ResourceReader } from './reader.js';

export const KEY_VAULT_TYPE = 'Microsoft.KeyVault/vaults';
export const EVENT_HUB_NAMESPACE_TYPE = 'Microsoft.EventHub/namespaces';

export const IOT_HUB_READERS: readonly ResourceReader[] = [
  {
    type: IOT_HUB_TYPE,
    read: async (clients, sub) => {
      const iot = await clients.iotHub(sub);
      return readList((options) => iot.iotHubResource.listBySubscription(options));
    },
  },
];

export const KEY_VAULT_READERS: readonly ResourceReader[] = [
  {
    type: KEY_VAULT_TYPE,
    read: async (clients, sub) => {
      const vaults = await clients.keyVault(sub);
      return readList((options) => vaults.vaults.listBySubscription(options));
    },
  },
];

export const EVENT_HUB_READERS: readonly ResourceReader[] = [
  {
    type: EVENT_HUB_NAMESPACE_TYPE,
    read: async (clients, sub) => {
      const eventHub = await clients.eventHub(sub);
      return readList((options) => eventHub.namespaces.list(options));
    },
  },
];
