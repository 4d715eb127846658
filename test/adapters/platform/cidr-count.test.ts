import { describe, expect, it } from 'vitest';
import { cidrAddressCount } from '../../../src/adapters/addresses.js';

describe('cidrAddressCount', () => {
  it.each([
    ['203.0.113.0/24', 256],
    ['198.51.100.7', 1],
    ['198.51.100.7/32', 1],
    ['10.0.0.0/8', 16_777_216],
    ['2001:db8::/48', 2 ** 80],
    ['2001:db8::1', 1],
  ])('%s covers %d addresses', (text, count) => {
    expect(cidrAddressCount(text)).toBe(count);
  });

  it.each(['203.0.113.300/24', '203.0.113.0/33', 'AzureCloud', '1.2.3.4/24/1', '2001:db8:::1/64', '', 'Any'])('%j is not an address or block', (text) => {
    expect(cidrAddressCount(text)).toBeUndefined();
  });
});
