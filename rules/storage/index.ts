import type { AnyRule } from '../../src/engine/rule.js';
import datalakeOpenToAllNetworks from './datalake-open-to-all-networks.js';
import storageBlobAnonymousAccessAllowed from './storage-blob-anonymous-access-allowed.js';
import storageContainerPublic from './storage-container-public.js';
import storageSecureTransferDisabled from './storage-secure-transfer-disabled.js';
import storageTlsBelow12 from './storage-tls-below-1-2.js';

export const STORAGE_RULES: readonly AnyRule[] = [storageBlobAnonymousAccessAllowed, storageContainerPublic, datalakeOpenToAllNetworks, storageSecureTransferDisabled, storageTlsBelow12];
