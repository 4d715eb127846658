import type { AnyRule } from '../../src/model/rule.js';
import keyvaultAccessPoliciesNotRbac from './keyvault-access-policies-not-rbac.js';
import keyvaultNotRecoverable from './keyvault-not-recoverable.js';
import keyvaultOpenToAllNetworks from './keyvault-open-to-all-networks.js';

export const KEYVAULT_RULES: readonly AnyRule[] = [keyvaultNotRecoverable, keyvaultAccessPoliciesNotRbac, keyvaultOpenToAllNetworks];
