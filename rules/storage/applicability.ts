import { isHnsEnabled } from '../../src/adapters/storage.js';
import { hasBlobService } from '../../src/inventory/arm-types.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { notApplicable, type Applicability } from '../../src/model/rule.js';

/*
 * Which storage accounts the storage rules concern, as their `appliesTo`: a rule about blobs
 * says nothing of a FileStorage account, and a Data Lake rule nothing of an account without a
 * hierarchical namespace. Both are reported not applicable, with the reason, never passed.
 */

export function accountsWithBlobService(account: ArmResource): Applicability {
  return hasBlobService(account) || notApplicable(`account kind '${account.kind}' has no blob service`);
}

/** Throws MalformedProperty when `isHnsEnabled` is present and not a boolean. */
export function dataLakeAccounts(account: ArmResource): Applicability {
  return isHnsEnabled(account).value || notApplicable('not a Data Lake Gen2 account (no hierarchical namespace)');
}
