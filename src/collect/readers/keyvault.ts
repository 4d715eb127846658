import { KEY_VAULT_TYPE } from '../../inventory/arm-types.js';
import { readList } from '../read.js';
import { inSubscription, type ResourceReader } from './reader.js';

export const KEY_VAULT_READERS: readonly ResourceReader[] = [
  {
    type: KEY_VAULT_TYPE,
    // The api-version @azure/arm-keyvault 4.0.0 sends for vaults.listBySubscription.
    request: { path: inSubscription(KEY_VAULT_TYPE), apiVersion: '2025-05-01' },
    read: async (clients, sub) => {
      const vaults = await clients.keyVault(sub);
      return readList((options) => vaults.vaults.listBySubscription(options));
    },
  },
];
