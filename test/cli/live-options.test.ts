import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_OPTIONS } from '../../src/collect/arm-policy.js';
import { liveOptions } from '../../src/cli/live-options.js';

describe('liveOptions', () => {
  it('applies the defaults for the flags not given, and no deadline', () => {
    const options = liveOptions({ subscription: [] });
    expect(options.retry).toEqual(DEFAULT_RETRY_OPTIONS);
    expect(options).not.toHaveProperty('timeoutMs');
    expect(options).not.toHaveProperty('cloud');
  });

  it('hands --timeout to the collector in milliseconds, with the other flags', () => {
    const options = liveOptions({ subscription: ['sub-a'], timeout: '90', maxWait: '5', retryBudget: '7', cloud: 'AzureChinaCloud' });
    expect(options).toMatchObject({ timeoutMs: 90_000, subscriptions: ['sub-a'], cloud: 'AzureChinaCloud', retry: { budget: 7, maxWaitMs: 5_000 } });
    expect(liveOptions({ subscription: [], timeout: '0.5' }).timeoutMs).toBe(500);
  });
});
