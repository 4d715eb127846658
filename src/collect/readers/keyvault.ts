import { KEY_VAULT_TYPE } from '../../inventory/arm-types.js';
import { readList } from '../read.js';
import type { ResourceReader } from './reader.js';

export const KEY_VAULT_READERS: readonly ResourceReader[] = [
  {
    type: KEY_VAULT_TYPE,
    read: async (clients, sub) => {
      const vaults = await clients.keyVault(sub);
      return readList((options) => vaults.vaults.listBySubscription(options));
    },
  },
];
