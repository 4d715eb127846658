import { IOT_HUB_TYPE } from '../../inventory/arm-types.js';
import { readList } from '../read.js';
import type { ResourceReader } from './reader.js';

export const IOT_HUB_READERS: readonly ResourceReader[] = [
  {
    type: IOT_HUB_TYPE,
    read: async (clients, sub) => {
      const iot = await clients.iotHub(sub);
      return readList((options) => iot.iotHubResource.listBySubscription(options));
    },
  },
];
