import { createHash } from 'node:crypto';
import { idKey } from '../inventory/arm-id.js';

/**
 * A finding's identity across runs: the first 32 hex digits of
 * sha256(`<rule id>|<lower-cased resource id>`). Ticketing systems de-duplicate on it, so
 * it must not depend on anything that changes between runs (message text, evidence, order).
 */
export function fingerprint(ruleId: string, resourceId: string): string {
  return createHash('sha256').update(`${ruleId}|${idKey(resourceId)}`).digest('hex').slice(0, 32);
}
