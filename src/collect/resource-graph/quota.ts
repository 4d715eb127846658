/**
 * Resource Graph's per-user quota, as its answers report it: `x-ms-user-quota-remaining` (queries
 * left in the window) and `x-ms-user-quota-resets-after` (hh:mm:ss until the window resets).
 * Once none is left, the next query of this identity waits for the reset rather than drawing a
 * 429; a 429 that comes anyway is retried by the read policy, after its Retry-After.
 *
 * The quota is Graph's per user (per identity), not per process: shards of one scan running
 * under one identity share it (see docs/resource-graph.md).
 */
export class UserQuota {
  /** Queries left, counting down as queries are sent; undefined until Graph says. */
  private remaining: number | undefined;
  private resetsAt = 0;

  constructor(
    /** The longest one wait may be, whatever Graph says: a reset hours away is not waited out. */
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Waits until a query may be sent, and counts it. */
  async take(): Promise<void> {
    while (this.remaining !== undefined && this.remaining <= 0) {
      const wait = this.resetsAt - this.now();
      if (wait <= 0) {
        this.remaining = undefined;
        break;
      }
      await this.sleep(Math.min(wait, this.maxWaitMs));
      if (this.now() < this.resetsAt) break; // capped: send, and let a 429 be retried
    }
    if (this.remaining !== undefined) this.remaining--;
  }

  /** Records the quota headers of an answer; answers without them change nothing. */
  observe(remainingHeader: string | undefined, resetsAfterHeader: string | undefined): void {
    const remaining = Number(remainingHeader);
    if (remainingHeader === undefined || remainingHeader.trim() === '' || !Number.isFinite(remaining)) return;
    const resetsAfter = durationMs(resetsAfterHeader);
    this.remaining = Math.max(0, Math.floor(remaining));
    // Without a reset time, a second is Graph's own smallest unit.
    this.resetsAt = this.now() + (resetsAfter ?? 1000);
  }
}

/** `hh:mm:ss` (seconds may have a fraction) in ms; undefined when unreadable. */
export function durationMs(text: string | undefined): number | undefined {
  const match = /^\s*(\d+):([0-5]?\d):([0-5]?\d(?:\.\d+)?)\s*$/.exec(text ?? '');
  if (!match) return undefined;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}
