import { AKS_CLUSTER_TYPE, CONTAINER_REGISTRY_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/** At the API version whose cluster shape the AKS adapter reads (apiServerAccessProfile, disableLocalAccounts, networkDataplane, addonProfiles). */
const CLUSTERS: ArmRequest = { path: inSubscription(AKS_CLUSTER_TYPE), apiVersion: '2025-01-01' };
/** At the API version whose registry shape the Container Registry adapter reads (anonymousPullEnabled, networkRuleSet, networkRuleBypassOptions). */
const REGISTRIES: ArmRequest = { path: inSubscription(CONTAINER_REGISTRY_TYPE), apiVersion: '2023-07-01' };

/** AKS clusters and container registries, read by path through the ARM pipeline: azscan depends on neither SDK. */
export const CONTAINER_READERS: readonly ResourceReader[] = [
  {
    type: AKS_CLUSTER_TYPE,
    request: CLUSTERS,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(CLUSTERS.path, sub), CLUSTERS.apiVersion, undefined, onPage),
  },
  {
    type: CONTAINER_REGISTRY_TYPE,
    request: REGISTRIES,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(REGISTRIES.path, sub), REGISTRIES.apiVersion, undefined, onPage),
  },
];
