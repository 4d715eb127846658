import type { AnyRule } from '../../src/model/rule.js';
import iothubOpenToAllNetworks from './iothub-open-to-all-networks.js';
import iothubSharedAccessKeysEnabled from './iothub-shared-access-keys-enabled.js';
import iothubTlsBelow12 from './iothub-tls-below-1-2.js';

export const IOTHUB_RULES: readonly AnyRule[] = [iothubSharedAccessKeysEnabled, iothubOpenToAllNetworks, iothubTlsBelow12];
