import * as crypto from 'node:crypto';
import { idKey } from '../inventory/arm-id.js';

/**
 * A finding's identity across runs: the first 32 hex digits of
 * sha256(`<rule id>|<lower-cased resource id>`). Ticketing systems de-duplicate on it, so
 * it must not depend on anything that changes between runs (message text, evidence, order).
 */
export function fingerprint(ruleId: string, resourceId: string): string {
  return fingerprintOfKey(ruleId, idKey(resourceId));
}

/** The same, for a resource id already turned into its key. */
export function fingerprintOfKey(ruleId: string, resourceKey: string): string {
  return sha256Hex(`${ruleId}|${resourceKey}`).slice(0, 32);
}

// The one-shot `crypto.hash` (Node 20.12+) is several times faster than createHash for the
// tens of thousands of short inputs a large scan hashes.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex = oneShot
  ? (text: string): string => oneShot('sha256', text, 'hex')
  : (text: string): string => crypto.createHash('sha256').update(text).digest('hex');
