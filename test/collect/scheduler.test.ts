import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestScheduler } from '../../src/collect/scheduler.js';

const options = { maxConcurrency: 3, maxPerSubscription: 2, refillPerSecond: 10, reserve: 2 };

/** Acquires a turn and notes when it started; returns the release function once it has. */
function request(scheduler: RequestScheduler, lane: string, started: string[]): Promise<() => void> {
  return scheduler.acquire(lane).then((release) => {
    started.push(lane);
    return release;
  });
}

describe('RequestScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('bounds requests in flight per subscription and for the whole scan', async () => {
    const scheduler = new RequestScheduler(options, () => Date.now());
    const started: string[] = [];
    const a = [1, 2, 3, 4].map(() => request(scheduler, 'a', started));
    const b = [1, 2].map(() => request(scheduler, 'b', started));
    await vi.advanceTimersByTimeAsync(0);
    expect(started.sort()).toEqual(['a', 'a', 'b']);
    (await a[0]!)();
    await vi.advanceTimersByTimeAsync(0);
    expect(started.length).toBe(4);
    void b;
  });

  it('takes turns across subscriptions so a large one does not starve the others', async () => {
    const scheduler = new RequestScheduler({ ...options, maxConcurrency: 1 }, () => Date.now());
    const started: Array<{ lane: string; release: () => void }> = [];
    const ask = (lane: string) => void scheduler.acquire(lane).then((release) => started.push({ lane, release }));
    for (let i = 0; i < 4; i++) ask('big');
    for (let i = 0; i < 2; i++) ask('small');
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(0);
      expect(started.length).toBe(i + 1);
      started[i]!.release();
    }
    expect(started.map((entry) => entry.lane)).toEqual(['big', 'small', 'big', 'small', 'big', 'big']);
  });

  it('spaces requests at the refill rate once ARM reports few reads left', async () => {
    const scheduler = new RequestScheduler({ ...options, maxPerSubscription: 10, maxConcurrency: 10 }, () => Date.now());
    scheduler.observeRemaining('a', 3); // one above the reserve of 2
    const started: string[] = [];
    const releases = [1, 2, 3].map(() => request(scheduler, 'a', started));
    await vi.advanceTimersByTimeAsync(0);
    expect(started.length).toBe(1);
    // At 10 reads a second, the next read is in hand after 100 ms.
    await vi.advanceTimersByTimeAsync(99);
    expect(started.length).toBe(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(started.length).toBe(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(started.length).toBe(3);
    for (const release of releases) (await release)();
  });

  it('holds a throttled subscription for its Retry-After, and only that one', async () => {
    const scheduler = new RequestScheduler({ ...options, refillPerSecond: 1000 }, () => Date.now());
    scheduler.throttled('a', 2000);
    const started: string[] = [];
    const a = request(scheduler, 'a', started);
    const b = request(scheduler, 'b', started);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['b']);
    await vi.advanceTimersByTimeAsync(1990);
    expect(started).toEqual(['b']);
    await vi.advanceTimersByTimeAsync(20);
    expect(started).toEqual(['b', 'a']);
    (await a)();
    (await b)();
  });
});
