import { IOT_HUB_TYPE } from '../../inventory/arm-types.js';
import { readList } from '../read.js';
import { inSubscription, type ResourceReader } from './reader.js';

export const IOT_HUB_READERS: readonly ResourceReader[] = [
  {
    type: IOT_HUB_TYPE,
    // The api-version @azure/arm-iothub 6.3.0 sends.
    request: { path: inSubscription(IOT_HUB_TYPE), apiVersion: '2023-06-30' },
    read: async (clients, sub, _parent, onPage) => {
      const iot = await clients.iotHub(sub);
      return readList((options) => iot.iotHubResource.listBySubscription(options), onPage);
    },
  },
];
