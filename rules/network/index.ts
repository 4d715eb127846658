import type { AnyRule } from '../../src/engine/rule.js';
import publicEndpointSensitivePort from './public-endpoint-sensitive-port.js';

export const NETWORK_RULES: readonly AnyRule[] = [publicEndpointSensitivePort];
