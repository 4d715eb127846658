/**
 * Decides when each ARM request may go: a bound on requests in flight for the whole scan and
 * for each subscription, turns taken round-robin across subscriptions so that one large
 * subscription does not starve the others, and pacing by ARM's own count of the reads a
 * subscription has left, so that 429s stay rare.
 *
 * ARM meters reads per subscription (and principal) with a token bucket and reports what is
 * left in `x-ms-ratelimit-remaining-subscription-reads`. The scheduler keeps a reserve of
 * reads in hand and, once the count is low, spaces requests at the bucket's refill rate.
 */

export interface SchedulerOptions {
  /** Requests in flight across the whole scan. */
  readonly maxConcurrency: number;
  /** Requests in flight in one subscription. */
  readonly maxPerSubscription: number;
  /** Reads per second a subscription's bucket refills by, until observed otherwise: ARM documents 25. */
  readonly refillPerSecond: number;
  /** Reads to keep in hand: requests wait once the estimate falls to this. */
  readonly reserve: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  maxConcurrency: 64,
  maxPerSubscription: 16,
  refillPerSecond: 25,
  reserve: 6,
};

interface Lane {
  readonly key: string;
  readonly waiting: Array<() => void>;
  inFlight: number;
  /** Reads left as ARM last reported, and when. */
  remaining: number | undefined;
  observedAt: number;
  /** The most reads ARM has reported at once: a floor for the bucket's size. */
  largestSeen: number;
  refillPerSecond: number;
  /** No request before this time (a 429's Retry-After). */
  pausedUntil: number;
}

export class RequestScheduler {
  private readonly lanes = new Map<string, Lane>();
  private readonly order: Lane[] = [];
  /** The lane served last: the next turn goes to the lane after it. */
  private lastServed: Lane | undefined;
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a turn in `key`'s lane (a subscription id, or `tenant`); resolves with the function that ends it. */
  acquire(key: string): Promise<() => void> {
    const lane = this.lane(key);
    return new Promise((resolve) => {
      lane.waiting.push(() => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          lane.inFlight--;
          this.inFlight--;
          this.dispatch();
        });
      });
      this.dispatch();
    });
  }

  /**
   * Records ARM's count of reads left in a subscription, from a response header. The count
   * was taken when that request was served; the requests still in flight were mostly sent
   * after it and will each take one more.
   */
  observeRemaining(key: string, remaining: number): void {
    const lane = this.lane(key);
    lane.remaining = remaining - lane.inFlight;
    lane.observedAt = this.now();
    lane.largestSeen = Math.max(lane.largestSeen, remaining);
  }

  /**
   * A 429: nothing more goes to that subscription until `retryAfterMs` has passed, its bucket
   * is taken to be empty, and the refill estimate is lowered, since it was too hopeful.
   */
  throttled(key: string, retryAfterMs: number): void {
    const lane = this.lane(key);
    const now = this.now();
    lane.pausedUntil = Math.max(lane.pausedUntil, now + retryAfterMs);
    lane.remaining = 0;
    lane.observedAt = now;
    lane.refillPerSecond = Math.max(1, lane.refillPerSecond * 0.8);
    this.dispatch();
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        key,
        waiting: [],
        inFlight: 0,
        remaining: undefined,
        observedAt: 0,
        largestSeen: 0,
        refillPerSecond: this.options.refillPerSecond,
        pausedUntil: 0,
      };
      this.lanes.set(key, lane);
      this.order.push(lane);
    }
    return lane;
  }

  /** Starts every request that may start now, one lane at a time in turn; sets a timer for the rest. */
  private dispatch(): void {
    const now = this.now();
    let wakeAt = Infinity;
    let progressed = true;
    while (progressed && this.inFlight < this.options.maxConcurrency) {
      progressed = false;
      const first = this.lastServed ? this.order.indexOf(this.lastServed) + 1 : 0;
      for (let i = 0; i < this.order.length && this.inFlight < this.options.maxConcurrency; i++) {
        const lane = this.order[(first + i) % this.order.length]!;
        if (lane.waiting.length === 0 || lane.inFlight >= this.options.maxPerSubscription) continue;
        const readyAt = this.readyAt(lane, now);
        if (readyAt > now) {
          wakeAt = Math.min(wakeAt, readyAt);
          continue;
        }
        const start = lane.waiting.shift()!;
        lane.inFlight++;
        this.inFlight++;
        if (lane.remaining !== undefined) lane.remaining--;
        this.lastServed = lane;
        start();
        progressed = true;
        break;
      }
    }
    this.schedule(wakeAt);
  }

  /** When a lane's next request may start: after any pause, and once the bucket estimate is above the reserve. */
  private readyAt(lane: Lane, now: number): number {
    let at = lane.pausedUntil;
    if (lane.remaining !== undefined) {
      const elapsed = (now - lane.observedAt) / 1000;
      // The bucket is at least as large as the most ARM has reported; unknown until then.
      const capacity = lane.largestSeen > 0 ? Math.max(lane.largestSeen, lane.remaining) : Infinity;
      const estimate = Math.min(capacity, lane.remaining + elapsed * lane.refillPerSecond);
      const needed = this.options.reserve + 1 - estimate;
      if (needed > 0) at = Math.max(at, now + (needed / lane.refillPerSecond) * 1000);
    }
    return at;
  }

  private schedule(wakeAt: number): void {
    if (wakeAt === Infinity || wakeAt >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = wakeAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.dispatch();
    }, Math.max(1, wakeAt - this.now()));
  }
}
