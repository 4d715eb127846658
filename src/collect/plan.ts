import { BLOB_SERVICE_TYPE, blobServiceId, DIAGNOSTIC_SETTING_TYPE, hasBlobService, STORAGE_ACCOUNT_TYPE, SUBSCRIPTION_TYPE } from '../inventory/arm-types.js';
import { ANY_TYPE, type RuleMeta } from '../model/rule.js';
import { typeKey } from '../inventory/arm-id.js';
import { collectedName, DIAGNOSTIC_SETTINGS, everyReader, idPlaceholder, readersFor, SUBSCRIPTION_LIST, topLevelReaders, WITH_BLOBS, type ArmRequest, type ParentResource, type ResourceReader } from './readers/index.js';

/** What a live scan reads, worked out from the rules selected: `--rule AZ-SQL-001` reads SQL only. */
export interface CollectionPlan {
  /** Readers to run, parents before children. */
  readonly readers: readonly ResourceReader[];
  /** Types whose resources' diagnostic settings are read. */
  readonly diagnosticTargetTypes: ReadonlySet<string>;
  /** Types read for every parent, `Type@ParentType` where only for parents of one type: the snapshot's `collected`. */
  readonly collected: readonly string[];
  /** Every GET the plan makes, as `azscan collect --plan` prints it: the subscription list, the readers', then diagnostic settings. */
  readonly reads: readonly PlannedRead[];
}

/**
 * One kind of GET a collection makes: of what type, how often (once; once per subscription;
 * once per resource of `parentType`), at what path (a template: `{storageAccountId}` stands for
 * each parent's id) and api-version.
 */
export interface PlannedRead {
  readonly resourceType: string;
  readonly made: 'once' | 'perSubscription' | 'perResource';
  /** With `perResource`: the type of the resources it is made for. */
  readonly parentType?: string;
  readonly path: string;
  readonly apiVersion: string;
  /** Which of those resources, when not every one. */
  readonly only?: string;
}

/**
 * `extraTypes` are types read besides the rules' (each with its parents): what `azscan exposure`
 * needs for platform endpoints. `scan` and `collect` pass none.
 */
export function planCollection(rules: readonly RuleMeta[], extraTypes: readonly string[] = []): CollectionPlan {
  const wanted = new Set<string>(extraTypes);
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
    reads: [
      { resourceType: SUBSCRIPTION_TYPE, made: 'once', ...SUBSCRIPTION_LIST },
      ...byService([...readers.values()], (reader) => reader).map((reader) => plannedRead(reader.type, reader.parentType, reader.request)),
      ...byService([...diagnosticTargets.values()], (type) => readersFor(type)[0]).map((type) => plannedRead(DIAGNOSTIC_SETTING_TYPE, type, diagnosticSettingsOf(type))),
    ],
  };
}

/**
 * `items` in the order of the readers they stand for: grouped by service, parents before
 * children, whatever order the rules came in. What has no reader (a subscription) comes first.
 */
function byService<T>(items: readonly T[], readerOf: (item: T) => ResourceReader | undefined): T[] {
  const order = everyReader();
  const rank = (item: T): number => {
    const reader = readerOf(item);
    return reader === undefined ? -1 : order.indexOf(reader);
  };
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/** A read made once per resource of `parentType`, or once per subscription when that is a subscription or there is none. */
function plannedRead(resourceType: string, parentType: string | undefined, request: ArmRequest): PlannedRead {
  const { path, apiVersion, only } = request;
  const perParent = parentType !== undefined && typeKey(parentType) !== typeKey(SUBSCRIPTION_TYPE);
  return {
    resourceType,
    made: perParent ? 'perResource' : 'perSubscription',
    ...(perParent ? { parentType } : {}),
    path,
    apiVersion,
    ...(only !== undefined ? { only } : {}),
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

/** The diagnostic settings read of each resource of `type`, at the target diagnosticTargetOf finds for it. */
function diagnosticSettingsOf(type: string): ArmRequest {
  const isStorage = typeKey(type) === typeKey(STORAGE_ACCOUNT_TYPE);
  const target = isStorage ? `${idPlaceholder(STORAGE_ACCOUNT_TYPE)}/blobServices/default` : idPlaceholder(type);
  return {
    ...DIAGNOSTIC_SETTINGS,
    path: DIAGNOSTIC_SETTINGS.path.replace('{resourceId}', target),
    ...(isStorage ? { only: WITH_BLOBS } : {}),
  };
}
