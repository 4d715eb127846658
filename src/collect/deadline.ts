import { RefusedRead } from './refused-read.js';

/**
 * The time a live read may take in all (`--timeout`). Past it, every read still waiting or in
 * flight fails with `ScanTimeout`, so that what was not read is reported as not evaluated and
 * the report is still written, rather than the scan hanging on a request that never answers.
 */
export class Deadline {
  /** No deadline: reads are bounded only by the per-attempt timeout and the retries. */
  static readonly NONE = new Deadline(Infinity, 0);

  private constructor(
    private readonly at: number,
    private readonly seconds: number,
  ) {}

  static after(ms: number, now: number = Date.now()): Deadline {
    return new Deadline(now + ms, ms / 1000);
  }

  remainingMs(): number {
    return this.at - Date.now();
  }

  /** Throws the ScanTimeout failure once the deadline has passed. */
  check(): void {
    if (this.remainingMs() <= 0) throw this.failure();
  }

  /**
   * `promise`, or the ScanTimeout failure if the deadline comes first. A value that arrives
   * late is handed to `dispose` (a scheduler turn given back), so nothing leaks.
   */
  race<T>(promise: Promise<T>, dispose: (late: T) => void): Promise<T> {
    if (this.at === Infinity) return promise;
    this.check();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(this.failure());
      }, this.remainingMs());
      promise.then(
        (value) => {
          if (settled) return dispose(value);
          settled = true;
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** Waits `ms`, or fails with ScanTimeout if the deadline comes first. */
  async sleep(ms: number): Promise<void> {
    if (ms >= this.remainingMs()) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, this.remainingMs())));
      throw this.failure();
    }
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private failure(): RefusedRead {
    return new RefusedRead('ScanTimeout', `the scan's --timeout of ${this.seconds} s ran out before this was read`);
  }
}
