import type { AnyRule } from '../../src/model/rule.js';
import resourceOutsideAllowedLocations from './resource-outside-allowed-locations.js';

export const GOVERNANCE_RULES: readonly AnyRule[] = [resourceOutsideAllowedLocations];
