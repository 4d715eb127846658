import { DIAGNOSTIC_SETTING_TYPE } from '../adapters/diagnostics.js';
import { BLOB_SERVICE_TYPE, blobServiceId, hasBlobService, STORAGE_ACCOUNT_TYPE } from '../adapters/storage.js';
import { NSG_TYPE } from '../checks/port-exposure.js';
import type { RuleMeta } from '../engine/rule.js';
import { typeKey } from '../inventory/arm-id.js';
import { NIC_TYPE, PUBLIC_IP_TYPE } from '../adapters/network.js';
import { readerFor, type ParentResource, type ResourceReader } from './readers/index.js';

/** What a live scan reads, worked out from the rules selected: `--rule AZ-SQL-001` reads SQL only. */
export interface CollectionPlan {
  /** Readers to run, parents before children. */
  readonly readers: readonly ResourceReader[];
  /** Types whose resources' diagnostic settings are read. */
  readonly diagnosticTargetTypes: ReadonlySet<string>;
  /** Types read for every parent, `Type@ParentType` where only for parents of one type: the snapshot's `collected`. */
  readonly collected: readonly string[];
}

export function planCollection(rules: readonly RuleMeta[]): CollectionPlan {
  const wanted = new Set<string>();
  const diagnosticTargetTypes = new Set<string>();
  for (const rule of rules) {
    const readsDiagnostics = rule.requires.some((type) => typeKey(type) === typeKey(DIAGNOSTIC_SETTING_TYPE));
    for (const type of rule.resourceTypes) {
      wanted.add(type);
      if (readsDiagnostics) diagnosticTargetTypes.add(typeKey(type));
    }
    for (const type of rule.requires) if (typeKey(type) !== typeKey(DIAGNOSTIC_SETTING_TYPE)) wanted.add(type);
  }
  // What an NSG is attached to is read with it: interfaces and the public addresses before them.
  if ([...wanted].some((type) => typeKey(type) === typeKey(NSG_TYPE))) {
    wanted.add(NIC_TYPE);
    wanted.add(PUBLIC_IP_TYPE);
  }
  // Storage accounts' diagnostic settings live on their blob service.
  if (diagnosticTargetTypes.has(typeKey(STORAGE_ACCOUNT_TYPE))) wanted.add(BLOB_SERVICE_TYPE);

  const readers = new Map<string, ResourceReader>();
  const add = (type: string): void => {
    const reader = readerFor(type);
    if (!reader) throw new Error(`no reader for ${type}, which a selected rule needs`);
    if (readers.has(typeKey(reader.type))) return;
    if (reader.parentType) add(reader.parentType);
    readers.set(typeKey(reader.type), reader);
  };
  for (const type of wanted) add(type);

  // Every type is read for every parent (every subscription, for top-level types);
  // diagnostic settings only for the types whose settings a rule reads.
  const diagnosticParents = [...diagnosticTargetTypes].map((key) => (key === typeKey(STORAGE_ACCOUNT_TYPE) ? BLOB_SERVICE_TYPE : readerFor(key)?.type ?? key));
  return {
    readers: [...readers.values()],
    diagnosticTargetTypes,
    collected: [...[...readers.values()].map((reader) => reader.type), ...diagnosticParents.map((parent) => `${DIAGNOSTIC_SETTING_TYPE}@${parent}`)].sort(),
  };
}

/**
 * The resource whose diagnostic settings stand for `resource`: a storage account's are on its
 * blob service, and a FileStorage account has none to read.
 */
export function diagnosticTargetOf(type: string, resource: ParentResource): string | undefined {
  if (typeKey(type) !== typeKey(STORAGE_ACCOUNT_TYPE)) return resource.id;
  return hasBlobService(resource) ? blobServiceId(resource) : undefined;
}
