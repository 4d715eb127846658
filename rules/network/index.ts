import type { AnyRule } from '../../src/model/rule.js';
import publicEndpointSensitivePort from './public-endpoint-sensitive-port.js';

export const NETWORK_RULES: readonly AnyRule[] = [publicEndpointSensitivePort];
