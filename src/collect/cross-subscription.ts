import { idKey, parseArmId, typeKey } from '../inventory/arm-id.js';
import {
  APPLICATION_GATEWAY_TYPE,
  CONTAINER_GROUP_TYPE,
  DIAGNOSTIC_SETTING_TYPE,
  FIREWALL_POLICY_TYPE,
  FIREWALL_TYPE,
  LOAD_BALANCER_TYPE,
  NIC_TYPE,
  NSG_TYPE,
  PUBLIC_IP_TYPE,
  RULE_COLLECTION_GROUP_TYPE,
  SCALE_SET_TYPE,
  STORAGE_ACCOUNT_TYPE,
  VIRTUAL_MACHINE_TYPE,
  VIRTUAL_NETWORK_TYPE,
} from '../inventory/arm-types.js';
import { type CollectionError, isJsonObject } from '../inventory/types.js';
import type { ArmClients } from './clients.js';
import type { CollectionPlan } from './plan.js';
import type { Progress } from './progress.js';
import { asReadFailure, readArmPathOne } from './read.js';
import { SubscriptionCollector } from './subscription-collector.js';

/*
 * What a `--shard` reads outside its own subscriptions, so that its findings for them are the
 * ones an unsharded run of the same selection reports. Only subscriptions of the selection are
 * read this way (the others' shards): an unsharded run reads no other, so neither does a shard.
 * What is read here is in the snapshot's `resources` for lookups only; the snapshot's
 * `subscriptions` lists this shard's, and only their resources are evaluated.
 *
 * 1. The network of the other subscriptions, listed as the plan lists it (the exposure graph's
 *    types below, with the scale sets' instance interfaces and addresses and the firewall
 *    policies' rule collection groups), when the plan reads any of it. The exposure graph
 *    follows references both ways, and across subscriptions:
 *    - forward: an interface's subnet (in a virtual network), its NSG and public IP; a subnet's
 *      NSG; a public IP's interface, load balancer, application gateway or firewall; a load
 *      balancer's or gateway's backend interfaces; a firewall's policy; a VM's scale set;
 *    - backward: which interfaces and subnets use an NSG (is it attached?), which public IPs
 *      reach the workloads behind it (does it guard a way in from the internet?), which
 *      interfaces name a backend pool. Those referrers can be in any subscription, and only a
 *      list of them finds them; a GET by id cannot.
 * 2. References by id to other types, each resource read by GET at its id with the api-version
 *    of its type's reader, and what that resource references in turn (REFERENCES):
 *    - a diagnostic setting's storage account (`properties.storageAccountId`): the account
 *      the activity log is archived to, often in a central logging subscription.
 *    Not read: a diagnostic setting's Log Analytics workspace (no rule reads the workspace), an
 *    activity log alert's scopes (compared as ids, never looked up).
 * A read that fails is recorded against what it was reading (the subscription and type, or the
 * resource id), so that what depends on it is not evaluated; nothing is dropped.
 */

const NETWORK_GRAPH_TYPES: ReadonlySet<string> = new Set(
  [
    NSG_TYPE,
    NIC_TYPE,
    PUBLIC_IP_TYPE,
    VIRTUAL_NETWORK_TYPE,
    LOAD_BALANCER_TYPE,
    APPLICATION_GATEWAY_TYPE,
    FIREWALL_TYPE,
    FIREWALL_POLICY_TYPE,
    RULE_COLLECTION_GROUP_TYPE,
    VIRTUAL_MACHINE_TYPE,
    SCALE_SET_TYPE,
    CONTAINER_GROUP_TYPE,
  ].map(typeKey),
);

/** A reference a rule follows from a resource of type `from` to one of type `to`, by id. */
interface Reference {
  readonly from: string;
  readonly to: string;
  readonly ids: (properties: Readonly<Record<string, unknown>>) => readonly unknown[];
}

const REFERENCES: readonly Reference[] = [{ from: DIAGNOSTIC_SETTING_TYPE, to: STORAGE_ACCOUNT_TYPE, ids: (properties) => [properties.storageAccountId] }];

export interface CrossSubscriptionReads {
  readonly resources: unknown[];
  readonly errors: CollectionError[];
}

/**
 * Reads, from the `others` subscriptions of the selection, what the shard's `own` resources
 * need: their network (1. above) and the resources they reference by id (2.).
 */
export async function readAcrossShards(clients: ArmClients, plan: CollectionPlan, others: readonly string[], own: readonly unknown[], progress: Progress): Promise<CrossSubscriptionReads> {
  const read: CrossSubscriptionReads = { resources: [], errors: [] };
  if (others.length === 0) return read;
  const networkReaders = plan.readers.filter((reader) => NETWORK_GRAPH_TYPES.has(typeKey(reader.type)));
  if (networkReaders.length > 0) {
    const networkPlan: CollectionPlan = { readers: networkReaders, diagnosticTargetTypes: new Set(), collected: [], reads: [] };
    progress.counts.typesTotal += others.length * networkReaders.length;
    await Promise.all(
      others.map(async (subscriptionId) => {
        const collector = new SubscriptionCollector(clients, networkPlan, subscriptionId, progress);
        await collector.run();
        read.resources.push(...collector.resources);
        read.errors.push(...collector.errors);
      }),
    );
  }
  await readReferenced(clients, plan, new Set(others.map((id) => id.toLowerCase())), [...own, ...read.resources], read);
  return read;
}

/** Follows REFERENCES from `sources` into `others`, reading each resource not read yet once, and what it references in turn. */
async function readReferenced(clients: ArmClients, plan: CollectionPlan, others: ReadonlySet<string>, sources: readonly unknown[], read: CrossSubscriptionReads): Promise<void> {
  const known = new Set(sources.flatMap((item) => (isJsonObject(item) && typeof item.id === 'string' ? [idKey(item.id)] : [])));
  let pending = sources;
  while (pending.length > 0) {
    const wanted = new Map<string, { id: string; type: string; apiVersion: string }>();
    for (const source of pending) {
      for (const target of referencesOf(source, plan)) {
        const key = idKey(target.id);
        const subscription = parseArmId(target.id).subscriptionId?.toLowerCase();
        if (known.has(key) || subscription === undefined || !others.has(subscription)) continue;
        known.add(key);
        wanted.set(key, target);
      }
    }
    const found: unknown[] = [];
    await Promise.all(
      [...wanted.values()].map(async ({ id, type, apiVersion }) => {
        try {
          found.push(await readArmPathOne(await clients.armPipeline(), clients.endpoint, id, apiVersion));
        } catch (error) {
          const failure = asReadFailure(error, []);
          read.errors.push({ scope: id, resourceType: type, code: failure.code, message: failure.message });
        }
      }),
    );
    read.resources.push(...found);
    pending = found;
  }
}

/** The ids `source` references that the plan reads the type of, with the api-version its reader reads that type at. */
function referencesOf(source: unknown, plan: CollectionPlan): Array<{ id: string; type: string; apiVersion: string }> {
  if (!isJsonObject(source) || typeof source.type !== 'string' || !isJsonObject(source.properties)) return [];
  const properties = source.properties;
  const sourceType = typeKey(source.type);
  return REFERENCES.filter((reference) => typeKey(reference.from) === sourceType).flatMap((reference) => {
    const reader = plan.readers.find((candidate) => candidate.parentType === undefined && typeKey(candidate.type) === typeKey(reference.to));
    if (!reader) return [];
    return reference.ids(properties).flatMap((id) => {
      // Only an id of the type the reference names: a malformed one is the rule's to report, not a path to GET.
      if (typeof id !== 'string' || typeKey(parseArmId(id).type ?? '') !== typeKey(reference.to)) return [];
      return [{ id, type: reference.to, apiVersion: reader.request.apiVersion }];
    });
  });
}
