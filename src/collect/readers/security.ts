import { PRICING_TYPE } from '../../inventory/arm-types.js';
import { readValue } from '../read.js';
import type { ResourceReader } from './reader.js';

export const SECURITY_READERS: readonly ResourceReader[] = [
  {
    // Defender plans: one list per subscription, returned whole (`{ value }`, no paging).
    type: PRICING_TYPE,
    read: async (clients, sub) => {
      const security = await clients.security(sub);
      return readValue((options) => security.pricings.list(options));
    },
  },
];
