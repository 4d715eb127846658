import { typeKey } from '../../inventory/arm-id.js';
import {
  ACTIVITY_LOG_ALERT_TYPE,
  AKS_CLUSTER_TYPE,
  APPLICATION_GATEWAY_TYPE,
  APPLICATION_INSIGHTS_TYPE,
  BASTION_HOST_TYPE,
  CONTAINER_GROUP_TYPE,
  CONTAINER_REGISTRY_TYPE,
  COSMOS_DB_ACCOUNT_TYPE,
  DISK_TYPE,
  EVENT_GRID_NAMESPACE_TYPE,
  EVENT_HUB_NAMESPACE_TYPE,
  FIREWALL_POLICY_TYPE,
  FIREWALL_TYPE,
  IOT_HUB_TYPE,
  KEY_VAULT_TYPE,
  LOAD_BALANCER_TYPE,
  LOG_ANALYTICS_WORKSPACE_TYPE,
  MYSQL_SERVER_TYPE,
  NETWORK_WATCHER_TYPE,
  NIC_TYPE,
  NSG_TYPE,
  POSTGRESQL_SERVER_TYPE,
  PUBLIC_IP_TYPE,
  REDIS_CACHE_TYPE,
  SCALE_SET_TYPE,
  SQL_SERVER_TYPE,
  STORAGE_ACCOUNT_TYPE,
  VIRTUAL_MACHINE_TYPE,
  VIRTUAL_NETWORK_TYPE,
  WEB_SITE_TYPE,
} from '../../inventory/arm-types.js';
import type { CollectionPlan } from '../plan.js';

/**
 * The top-level types azscan takes from Resource Graph's `resources` table: tracked resources
 * that ARM lists per subscription and Graph keeps in that table, with their properties.
 *
 * Everything else stays on ARM, read by the existing readers:
 * - Defender for Cloud's pricings, auto provisioning, settings, contacts and assessments
 *   (Graph keeps assessments in `securityresources`; the others are not in `resources`);
 * - custom role definitions (Graph keeps them in `authorizationresources`);
 * - the subscription itself (from the subscription list);
 * - every child and extension resource (databases, TDE, auditing, firewall rules, blob services,
 *   `config/web`, diagnostic settings…), read per parent through ARM as before, only where a
 *   selected rule needs them. Graph holds a few children (SQL databases) but not with the
 *   settings azscan reads, and reading a child through the same path every time keeps one
 *   shape per type.
 */
export const GRAPH_INVENTORY_TYPES: readonly string[] = [
  NSG_TYPE,
  NIC_TYPE,
  PUBLIC_IP_TYPE,
  VIRTUAL_NETWORK_TYPE,
  LOAD_BALANCER_TYPE,
  APPLICATION_GATEWAY_TYPE,
  FIREWALL_TYPE,
  FIREWALL_POLICY_TYPE,
  BASTION_HOST_TYPE,
  NETWORK_WATCHER_TYPE,
  VIRTUAL_MACHINE_TYPE,
  SCALE_SET_TYPE,
  DISK_TYPE,
  CONTAINER_GROUP_TYPE,
  AKS_CLUSTER_TYPE,
  CONTAINER_REGISTRY_TYPE,
  SQL_SERVER_TYPE,
  POSTGRESQL_SERVER_TYPE,
  MYSQL_SERVER_TYPE,
  COSMOS_DB_ACCOUNT_TYPE,
  REDIS_CACHE_TYPE,
  STORAGE_ACCOUNT_TYPE,
  WEB_SITE_TYPE,
  IOT_HUB_TYPE,
  EVENT_HUB_NAMESPACE_TYPE,
  EVENT_GRID_NAMESPACE_TYPE,
  KEY_VAULT_TYPE,
  ACTIVITY_LOG_ALERT_TYPE,
  APPLICATION_INSIGHTS_TYPE,
  LOG_ANALYTICS_WORKSPACE_TYPE,
];

const BY_KEY = new Map(GRAPH_INVENTORY_TYPES.map((type) => [typeKey(type), type]));

/** azscan's name for a type Graph returns (lower-cased), when it is one azscan takes from Graph. */
export function canonicalGraphType(graphType: string): string | undefined {
  return BY_KEY.get(typeKey(graphType));
}

/** The top-level types of a plan that Graph can list: each is one a planned reader lists per subscription. */
export function graphTypesOf(plan: CollectionPlan): string[] {
  const listed = new Set(plan.readers.filter((reader) => reader.parentType === undefined).map((reader) => typeKey(reader.type)));
  return GRAPH_INVENTORY_TYPES.filter((type) => listed.has(typeKey(type)));
}
