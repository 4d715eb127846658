import type { AnyRule } from '../../src/model/rule.js';
import eventhubLocalAuthEnabled from './eventhub-local-auth-enabled.js';
import eventhubOpenToAllNetworks from './eventhub-open-to-all-networks.js';
import eventhubTlsBelow12 from './eventhub-tls-below-1-2.js';

export const EVENTHUB_RULES: readonly AnyRule[] = [eventhubLocalAuthEnabled, eventhubTlsBelow12, eventhubOpenToAllNetworks];
