import type { AnyRule } from '../../src/model/rule.js';
import datalakeNfsv3Enabled from './datalake-nfsv3-enabled.js';
import datalakeOpenToAllNetworks from './datalake-open-to-all-networks.js';
import datalakeSftpLocalUsersEnabled from './datalake-sftp-local-users-enabled.js';
import storageBlobAnonymousAccessAllowed from './storage-blob-anonymous-access-allowed.js';
import storageBlobSoftDeleteDisabled from './storage-blob-soft-delete-disabled.js';
import storageContainerPublic from './storage-container-public.js';
import storageCrossTenantReplicationAllowed from './storage-cross-tenant-replication-allowed.js';
import storageInfrastructureEncryptionDisabled from './storage-infrastructure-encryption-disabled.js';
import storagePublicNetworkAccessEnabled from './storage-public-network-access-enabled.js';
import storageSecureTransferDisabled from './storage-secure-transfer-disabled.js';
import storageSharedKeyAccessAllowed from './storage-shared-key-access-allowed.js';
import storageTlsBelow12 from './storage-tls-below-1-2.js';

export const STORAGE_RULES: readonly AnyRule[] = [
  storageBlobAnonymousAccessAllowed,
  storageContainerPublic,
  datalakeOpenToAllNetworks,
  storageSecureTransferDisabled,
  storageTlsBelow12,
  storagePublicNetworkAccessEnabled,
  storageSharedKeyAccessAllowed,
  storageCrossTenantReplicationAllowed,
  storageInfrastructureEncryptionDisabled,
  storageBlobSoftDeleteDisabled,
  datalakeSftpLocalUsersEnabled,
  datalakeNfsv3Enabled,
];
