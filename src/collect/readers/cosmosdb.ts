import { COSMOS_DB_ACCOUNT_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/**
 * At the stable API version whose account shape the Cosmos DB adapter reads (`ipRules`,
 * `isVirtualNetworkFilterEnabled`, `disableLocalAuth`, `disableKeyBasedMetadataWriteAccess`,
 * `keyVaultKeyUri`, `privateEndpointConnections`); the account list carries all of them.
 */
const ACCOUNTS: ArmRequest = { path: inSubscription(COSMOS_DB_ACCOUNT_TYPE), apiVersion: '2024-11-15' };

export const COSMOS_DB_READERS: readonly ResourceReader[] = [
  {
    type: COSMOS_DB_ACCOUNT_TYPE,
    request: ACCOUNTS,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(ACCOUNTS.path, sub), ACCOUNTS.apiVersion, undefined, onPage),
  },
];
