import { BLOB_SERVICE_TYPE, blobServiceId, DIAGNOSTIC_SETTING_TYPE, hasBlobService, STORAGE_ACCOUNT_TYPE, SUBSCRIPTION_TYPE } from '../inventory/arm-types.js';
import { ANY_TYPE, type RuleMeta } from '../model/rule.js';
import { typeKey } from '../inventory/arm-id.js';
import { collectedName, readersFor, topLevelReaders, type ParentResource, type ResourceReader } from './readers/index.js';

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
  /** Types whose diagnostic settings a rule reads, by key, as the rule writes them. */
  const diagnosticTargets = new Map<string, string>();
  let everyTopLevelType = false;
  for (const rule of rules) {
    const readsDiagnostics = rule.requires.some((type) => typeKey(type) === typeKey(DIAGNOSTIC_SETTING_TYPE));
    for (const type of rule.resourceTypes) {
      // A rule over every type looks at whatever is read, so it has everything listed per subscription read.
      if (type === ANY_TYPE) {
        everyTopLevelType = true;
        continue;
      }
      wanted.add(type);
      if (readsDiagnostics) diagnosticTargets.set(typeKey(type), type);
    }
    for (const type of rule.requires) if (typeKey(type) !== typeKey(DIAGNOSTIC_SETTING_TYPE)) wanted.add(type);
  }
  // Storage accounts' diagnostic settings live on their blob service.
  if (diagnosticTargets.has(typeKey(STORAGE_ACCOUNT_TYPE))) wanted.add(BLOB_SERVICE_TYPE);

  const readers = new Map<string, ResourceReader>();
  const addReader = (reader: ResourceReader): void => {
    const key = typeKey(collectedName(reader));
    if (readers.has(key)) return;
    if (reader.parentType) addType(reader.parentType);
    readers.set(key, reader);
  };
  const addType = (type: string): void => {
    // Subscriptions come from the subscription list, which every collection reads.
    if (typeKey(type) === typeKey(SUBSCRIPTION_TYPE)) return;
    const found = readersFor(type);
    if (found.length === 0) throw new Error(`no reader for ${type}, which a selected rule needs`);
    for (const reader of found) addReader(reader);
  };
  if (everyTopLevelType) for (const reader of topLevelReaders()) addReader(reader);
  for (const type of wanted) addType(type);

  // Every type is read for every parent (every subscription, for top-level types);
  // diagnostic settings only for the types whose settings a rule reads.
  const diagnosticParents = [...diagnosticTargets].map(([key, type]) => (key === typeKey(STORAGE_ACCOUNT_TYPE) ? BLOB_SERVICE_TYPE : type));
  return {
    readers: [...readers.values()],
    diagnosticTargetTypes: new Set(diagnosticTargets.keys()),
    collected: [...[...readers.values()].map(collectedName), ...diagnosticParents.map((parent) => `${DIAGNOSTIC_SETTING_TYPE}@${parent}`)].sort(),
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
