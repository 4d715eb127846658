import { SUBSCRIPTION_TYPE } from './arm-types.js';
import { pushTo } from './collections.js';
import { idKey, isSameOrAncestorKey, parseArmId, typeKey } from './arm-id.js';
import type {
  ArmResource,
  CollectionError,
  InventorySource,
  MalformedResource,
  SubscriptionInfo,
} from './types.js';

/** Why data a rule asked for is not known. */
export interface Unavailable {
  readonly code: string;
  readonly reason: string;
}

export interface InventoryInput {
  readonly source: InventorySource;
  readonly resources: readonly ArmResource[];
  /**
   * Resource types that were read for every parent (every subscription, for a top-level
   * type): `Type`, or `Type@ParentType` for a type read for every parent of that type only.
   */
  readonly collected?: readonly string[];
  readonly errors?: readonly CollectionError[];
  readonly malformed?: readonly MalformedResource[];
  readonly subscriptions?: readonly SubscriptionInfo[];
}

/**
 * Every resource read, indexed by id, by type and by parent, with what was collected and
 * what failed — so that a rule can tell "not configured" from "not read".
 */
export class Inventory {
  readonly source: InventorySource;
  readonly resources: readonly ArmResource[];
  readonly errors: readonly CollectionError[];
  readonly malformed: readonly MalformedResource[];
  readonly subscriptions: readonly SubscriptionInfo[];
  readonly collected: ReadonlySet<string>;

  private readonly byKey = new Map<string, ArmResource>();
  private readonly byType = new Map<string, ArmResource[]>();
  private readonly byParent = new Map<string, ArmResource[]>();
  private readonly errorsByType = new Map<string, CollectionError[]>();
  private readonly untypedErrors: CollectionError[] = [];
  /** Malformed resources by `<parent key>|<type key>`: they make their siblings' list incomplete. */
  private readonly malformedUnder = new Map<string, MalformedResource>();

  constructor(input: InventoryInput) {
    this.source = input.source;
    this.errors = input.errors ?? [];
    this.malformed = input.malformed ?? [];
    this.subscriptions = input.subscriptions ?? [];
    this.collected = new Set((input.collected ?? []).map(typeKey));

    // One resource per id: the snapshot reader folds copies of an id into one (see mergeCopies).
    this.resources = input.resources;
    for (const resource of this.resources) this.byKey.set(resource.key, resource);
    for (const resource of this.resources) {
      pushTo(this.byType, resource.typeKey, resource);
      if (resource.parentKey !== undefined) pushTo(this.byParent, resource.parentKey, resource);
    }
    for (const error of this.errors) {
      if (error.resourceType === undefined) this.untypedErrors.push(error);
      else pushTo(this.errorsByType, typeKey(error.resourceType), error);
    }
    for (const bad of this.malformed) {
      if (bad.resourceId === undefined || bad.resourceType === undefined) continue;
      const parentId = parseArmId(bad.resourceId).parentId;
      if (parentId !== undefined) this.malformedUnder.set(`${idKey(parentId)}|${typeKey(bad.resourceType)}`, bad);
    }
  }

  get(id: string): ArmResource | undefined {
    return this.byKey.get(idKey(id));
  }

  ofType(type: string): readonly ArmResource[] {
    return this.byType.get(typeKey(type)) ?? [];
  }

  /** Direct children of `parent` of one type, or extension resources whose target is `parent`. */
  childrenOf(parent: ArmResource | string, type: string): readonly ArmResource[] {
    const wanted = typeKey(type);
    const children = this.byParent.get(keyOf(parent));
    if (!children) return NONE;
    let found: ArmResource[] | undefined;
    for (const child of children) {
      if (child.typeKey === wanted) (found ??= []).push(child);
    }
    return found ?? namedChildren(children, wanted);
  }

  /**
   * Whether resources of `type` under `scopeId` are known: the type was collected and no read
   * of it under that scope failed. Returns why not, or undefined when they are known.
   */
  unavailable(scope: ArmResource | string, type: string): Unavailable | undefined {
    const failure = this.failureCovering(scope, type);
    if (failure) return { code: failure.code, reason: describeFailure(failure) };
    const bad = this.malformedUnder.size === 0 ? undefined : this.malformedUnder.get(`${keyOf(scope)}|${typeKey(type)}`);
    if (bad) return { code: bad.code ?? 'MalformedResource', reason: bad.code === undefined ? `${bad.resourceId} (${bad.location}) is malformed: ${bad.reason}` : bad.reason };
    // The parent's type is worked out only for a type not collected everywhere: most are.
    if (!this.collected.has(typeKey(type)) && !this.isCollected(type, parentTypeOf(scope))) {
      return {
        code: 'NotCollected',
        reason: `${type} was not collected${this.source.kind === 'array' ? ' (a bare array of resources carries no child resources)' : ''}`,
      };
    }
    return undefined;
  }

  /** Whether `type` was read for every parent, or for every parent of `parentType`. */
  isCollected(type: string, parentType: string | undefined): boolean {
    const key = typeKey(type);
    return this.collected.has(key) || (parentType !== undefined && this.collected.has(`${key}@${typeKey(parentType)}`));
  }

  /**
   * The resources of `type` in a subscription, for rules about the subscription as a whole
   * (is there an activity log alert?). Like `childrenOf`, it refuses when the type was not
   * read for that subscription, so "none found" always means none exist.
   */
  resourcesIn(subscription: ArmResource | string, type: string): readonly ArmResource[] | Unavailable {
    const scope = typeof subscription === 'string' ? `/subscriptions/${subscription}` : subscription.id;
    const unavailable = this.unavailable(scope, type);
    if (unavailable) return unavailable;
    let bySubscription = this.bySubscription.get(typeKey(type));
    if (!bySubscription) {
      // Indexed on first use: subscription-level rules ask once per subscription, the exposure graph once per NSG.
      bySubscription = new Map();
      for (const resource of this.ofType(type)) if (resource.subscriptionId !== undefined) pushTo(bySubscription, resource.subscriptionId.toLowerCase(), resource);
      this.bySubscription.set(typeKey(type), bySubscription);
    }
    return bySubscription.get(idKey(scope).slice('/subscriptions/'.length)) ?? NONE;
  }

  private readonly bySubscription = new Map<string, Map<string, ArmResource[]>>();

  /** The first recorded failure to read `type` at `scope` or any ancestor of it. */
  failureCovering(scope: ArmResource | string, type: string): CollectionError | undefined {
    if (this.errors.length === 0) return undefined;
    const key = keyOf(scope);
    const covers = (error: CollectionError): boolean => isSameOrAncestorKey(idKey(error.scope), key);
    return (this.errorsByType.get(typeKey(type)) ?? NONE_ERRORS).find(covers) ?? this.untypedErrors.find(covers);
  }

  /** Failures to read `type` itself (not its children), wherever they happened. */
  failuresReading(type: string): readonly CollectionError[] {
    return [...(this.errorsByType.get(typeKey(type)) ?? []), ...this.untypedErrors];
  }

  subscriptionName(subscriptionId: string | undefined): string | undefined {
    if (subscriptionId === undefined) return undefined;
    const wanted = subscriptionId.toLowerCase();
    return this.subscriptions.find((s) => s.subscriptionId.toLowerCase() === wanted)?.displayName;
  }
}

export function describeFailure(error: CollectionError): string {
  const what = error.resourceType ?? 'resources';
  return `reading ${what} failed: ${error.code}${error.message ? `: ${error.message}` : ''}`;
}

const NONE: readonly ArmResource[] = Object.freeze([]);

/**
 * A named read, `<child type>/<name>` (`Microsoft.Web/sites/config/authsettingsV2`): the
 * children of that type with that name (the id's last segment). Singletons of one ARM type that
 * are read separately (a site's `config/web` and `config/authsettingsV2`) are collected, and
 * can fail, one by one, so the read has a name of its own (`collected`, errors and `requires`
 * use it) while each resource keeps ARM's type. A real child type is never mistaken for one:
 * a type one segment deeper than a direct child's belongs to grandchildren, which are not here.
 */
function namedChildren(children: readonly ArmResource[], wanted: string): readonly ArmResource[] {
  const slash = wanted.lastIndexOf('/');
  const childType = wanted.slice(0, slash);
  const name = wanted.slice(slash + 1);
  let found: ArmResource[] | undefined;
  for (const child of children) {
    if (child.typeKey === childType && child.key.endsWith(`/${name}`)) (found ??= []).push(child);
  }
  return found ?? NONE;
}


/** The type of a scope: a resource's own, or the one its id names (`/subscriptions/x` is a subscription). */
function parentTypeOf(scope: ArmResource | string): string | undefined {
  if (typeof scope !== 'string') return scope.type;
  if (/^\/?subscriptions\/[^/]+\/?$/i.test(scope.trim())) return SUBSCRIPTION_TYPE;
  return parseArmId(scope).type;
}
const NONE_ERRORS: readonly CollectionError[] = Object.freeze([]);

function keyOf(scope: ArmResource | string): string {
  return typeof scope === 'string' ? idKey(scope) : scope.key;
}

