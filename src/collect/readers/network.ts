import { NIC_TYPE, PUBLIC_IP_TYPE } from '../../adapters/network.js';
import { NSG_TYPE } from '../../checks/port-exposure.js';
import { readList } from '../read.js';
import type { ResourceReader } from './reader.js';

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
];
