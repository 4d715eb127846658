import { PRICING_TYPE } from '../../inventory/arm-types.js';
import { readValue } from '../read.js';
import { inSubscription, type ResourceReader } from './reader.js';

export const SECURITY_READERS: readonly ResourceReader[] = [
  {
    // Defender plans: one list per subscription, returned whole (`{ value }`, no paging), at
    // the api-version @azure/arm-security 5.0.0 sends for pricings.
    type: PRICING_TYPE,
    request: { path: inSubscription(PRICING_TYPE), apiVersion: '2022-03-01' },
    read: async (clients, sub) => {
      const security = await clients.security(sub);
      return readValue((options) => security.pricings.list(options));
    },
  },
];
