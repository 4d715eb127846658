import { BLOB_CONTAINER_TYPE, BLOB_SERVICE_TYPE, hasBlobService, STORAGE_ACCOUNT_TYPE } from '../../inventory/arm-types.js';
import { readList, readOne } from '../read.js';
import { inSubscription, place, under, type ParentResource, type ResourceReader } from './reader.js';

/** FileStorage accounts have no blob service: asking for one would only return an error. */
function hasBlobs(parent: ParentResource | undefined): boolean {
  return parent !== undefined && hasBlobService(parent);
}

/** The api-version @azure/arm-storage 19.1.0 sends with every operation. */
const STORAGE_API_VERSION = '2025-06-01';
/** The storage accounts whose blob service (and the diagnostic settings on it) a collection reads. */
export const WITH_BLOBS = 'accounts with a blob service, not FileStorage';

export const STORAGE_READERS: readonly ResourceReader[] = [
  {
    type: STORAGE_ACCOUNT_TYPE,
    request: { path: inSubscription(STORAGE_ACCOUNT_TYPE), apiVersion: STORAGE_API_VERSION },
    read: async (clients, sub, _parent, onPage) => {
      const storage = await clients.storage(sub);
      return readList((options) => storage.storageAccounts.list(options), onPage);
    },
  },
  {
    type: BLOB_SERVICE_TYPE,
    parentType: STORAGE_ACCOUNT_TYPE,
    request: { path: under(STORAGE_ACCOUNT_TYPE, 'blobServices/default'), apiVersion: STORAGE_API_VERSION, only: WITH_BLOBS },
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
    request: { path: under(STORAGE_ACCOUNT_TYPE, 'blobServices/default/containers'), apiVersion: STORAGE_API_VERSION, only: WITH_BLOBS },
    read: async (clients, sub, parent, onPage) => {
      if (!hasBlobs(parent)) return [];
      const storage = await clients.storage(sub);
      const account = place(parent);
      return readList((options) => storage.blobContainers.list(account.group, account.name, options), onPage);
    },
  },
];
