import { describe, expect, it } from 'vitest';
import { addressCount } from '../../src/adapters/addresses.js';

describe('addressCount, the size of a platform endpoint\'s range grant', () => {
  it('counts IPv4 addresses and CIDR ranges', () => {
    expect(addressCount('198.51.100.7')).toBe(1);
    expect(addressCount('198.51.100.7/32')).toBe(1);
    expect(addressCount(' 203.0.113.0/24 ')).toBe(256);
    expect(addressCount('10.0.0.0/8')).toBe(16_777_216);
    expect(addressCount('0.0.0.0/0')).toBe(4_294_967_296);
  });

  it('counts IPv6 CIDR ranges', () => {
    expect(addressCount('2001:db8::/64')).toBe(2 ** 64);
    expect(addressCount('2001:db8::1/128')).toBe(1);
    expect(addressCount('2001:db8::/48')).toBe(2 ** 80);
    // A bare IPv6 address is one address, as a bare IPv4 address is.
    expect(addressCount('2001:db8::1')).toBe(1);
    expect(addressCount('2001:db8::')).toBe(1);
  });

  it('is undefined for anything that is not an address or range', () => {
    for (const text of ['office', '', '203.0.113.0/33', '203.0.113.0/', '203.0.113.0/24/1', '256.1.1.1', '203.0.113.300/24', '2001:db8:::1/64', '2001:db8::/129', '*', 'Internet', 'AzureCloud', 'Any']) {
      expect(addressCount(text), text).toBeUndefined();
    }
  });
});
