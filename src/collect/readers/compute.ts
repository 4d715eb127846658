import { BASTION_HOST_TYPE, DISK_TYPE } from '../../inventory/arm-types.js';
import { readArmPath } from '../read.js';
import { inSubscription, subscriptionPath, type ArmRequest, type ResourceReader } from './reader.js';

/*
 * Virtual machines themselves are read by the network readers (network.ts), through
 * @azure/arm-compute's virtualMachines.listAll at 2025-04-01, for the exposure graph; the VM
 * rules read that same list. Managed disks and bastion hosts are read here, by path.
 */

/**
 * Managed disks at the api-version @azure/arm-compute 23.3.0 sends for disks, whose shape has
 * everything the disk rules read: `encryption`, `diskState`, `networkAccessPolicy`,
 * `publicNetworkAccess` and `dataAccessAuthMode`.
 */
const DISKS: ArmRequest = { path: inSubscription(DISK_TYPE), apiVersion: '2025-01-02' };

/** Bastion hosts at a stable network API version: the rule only needs to know that one exists. */
const BASTION_HOSTS: ArmRequest = { path: inSubscription(BASTION_HOST_TYPE), apiVersion: '2024-05-01' };

export const COMPUTE_READERS: readonly ResourceReader[] = [
  {
    type: DISK_TYPE,
    request: DISKS,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(DISKS.path, sub), DISKS.apiVersion, undefined, onPage),
  },
  {
    type: BASTION_HOST_TYPE,
    request: BASTION_HOSTS,
    read: async (clients, sub, _parent, onPage) => readArmPath(await clients.armPipeline(), clients.endpoint, subscriptionPath(BASTION_HOSTS.path, sub), BASTION_HOSTS.apiVersion, undefined, onPage),
  },
];
