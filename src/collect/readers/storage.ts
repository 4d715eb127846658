import { BLOB_CONTAINER_TYPE, BLOB_SERVICE_TYPE, hasBlobService, STORAGE_ACCOUNT_TYPE } from '../../inventory/arm-types.js';
import { readList, readOne } from '../read.js';
import { place, type ParentResource, type ResourceReader } from './reader.js';

/** FileStorage accounts have no blob service: asking for one would only return an error. */
function hasBlobs(parent: ParentResource | undefined): boolean {
  return parent !== undefined && hasBlobService(parent);
}

export const STORAGE_READERS: readonly ResourceReader[] = [
  {
    type: STORAGE_ACCOUNT_TYPE,
    read: async (clients, sub) => {
      const storage = await clients.storage(sub);
      return readList((options) => storage.storageAccounts.list(options));
    },
  },
  {
    type: BLOB_SERVICE_TYPE,
    parentType: STORAGE_ACCOUNT_TYPE,
    read: async (clients, sub, parent) => {
      if (!hasBlobs(parent)) return [];
      const storage = await clients.storage(sub);
      const account = place(parent);
      return [await readOne((options) => storage.blobServices.getServiceProperties(account.group, account.name, options))];
    },
  },
  {
    type: BLOB_CONTAINER_TYPE,
    parentType: STORAGE_ACCOUNT_TYPE,
    read: async (clients, sub, parent) => {
      if (!hasBlobs(parent)) return [];
      const storage = await clients.storage(sub);
      const account = place(parent);
      return readList((options) => storage.blobContainers.list(account.group, account.name, options));
    },
  },
];
