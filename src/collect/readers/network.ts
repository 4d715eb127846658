import {
  CONTAINER_GROUP_TYPE,
  LOAD_BALANCER_TYPE,
  NIC_TYPE,
  PUBLIC_IP_TYPE,
  VIRTUAL_MACHINE_TYPE,
  VIRTUAL_NETWORK_TYPE,
} from '../../adapters/network.js';
import { NSG_TYPE } from '../../checks/port-exposure.js';
import { readList } from '../read.js';
import type { ResourceReader } from './reader.js';

/**
 * What relates the internet to workloads: NSGs, network interfaces, public IPs, virtual
 * networks (their subnets and subnet NSGs), load balancers, virtual machines and container
 * groups — each listed once per subscription.
 */
export const NETWORK_READERS: readonly ResourceReader[] = [
  {
    type: NSG_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.networkSecurityGroups.listAll(options));
    },
  },
  {
    type: NIC_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.networkInterfaces.listAll(options));
    },
  },
  {
    type: PUBLIC_IP_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.publicIPAddresses.listAll(options));
    },
  },
  {
    type: VIRTUAL_NETWORK_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.virtualNetworks.listAll(options));
    },
  },
  {
    type: LOAD_BALANCER_TYPE,
    read: async (clients, sub) => {
      const network = await clients.network(sub);
      return readList((options) => network.loadBalancers.listAll(options));
    },
  },
  {
    type: VIRTUAL_MACHINE_TYPE,
    read: async (clients, sub) => {
      const compute = await clients.compute(sub);
      return readList((options) => compute.virtualMachines.listAll(options));
    },
  },
  {
    type: CONTAINER_GROUP_TYPE,
    read: async (clients, sub) => {
      const containers = await clients.containerInstance(sub);
      return readList((options) => containers.containerGroups.list(options));
    },
  },
];
