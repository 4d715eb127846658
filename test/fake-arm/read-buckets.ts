import type { ReadBucket } from './types.js';

export type ReadAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

interface BucketState {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms (performance.now). */
  updatedAt: number;
}

/** ARM's read limit: one token bucket per subscription, full at first, refilled continuously. */
export class ReadBuckets {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly limits: ReadBucket) {
    if (!(limits.capacity >= 1) || !(limits.refillPerSecond > 0)) {
      throw new Error(`fake ARM: a read bucket needs capacity >= 1 and refillPerSecond > 0, got ${JSON.stringify(limits)}`);
    }
  }

  /** Takes one token for a read in `subscriptionKey`, or says how long until one is available. */
  admit(subscriptionKey: string): ReadAdmission {
    const bucket = this.refilled(subscriptionKey);
    if (bucket.tokens < 1) {
      return { admitted: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.limits.refillPerSecond) };
    }
    bucket.tokens -= 1;
    return { admitted: true };
  }

  /** Whole tokens left, as ARM reports them in x-ms-ratelimit-remaining-subscription-reads. */
  remaining(subscriptionKey: string): number {
    return Math.floor(this.refilled(subscriptionKey).tokens);
  }

  private refilled(subscriptionKey: string): BucketState {
    const now = performance.now();
    let bucket = this.buckets.get(subscriptionKey);
    if (bucket === undefined) {
      bucket = { tokens: this.limits.capacity, updatedAt: now };
      this.buckets.set(subscriptionKey, bucket);
    }
    const refill = ((now - bucket.updatedAt) / 1000) * this.limits.refillPerSecond;
    bucket.tokens = Math.min(this.limits.capacity, bucket.tokens + refill);
    bucket.updatedAt = now;
    return bucket;
  }
}
