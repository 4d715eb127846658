import { describe, expect, it } from 'vitest';
import { parseIPv4Block } from '../../src/adapters/addresses.js';

describe('parseIPv4Block', () => {
  it('reads an address as one address and a CIDR block as its size, from its first address', () => {
    expect(parseIPv4Block('198.51.100.7')).toEqual({ start: 3325256711, size: 1 });
    expect(parseIPv4Block('203.0.113.0/24')).toEqual({ start: 3405803776, size: 256 });
    expect(parseIPv4Block(' 203.0.113.77/24 ')).toEqual({ start: 3405803776, size: 256 });
    expect(parseIPv4Block('0.0.0.0/0')).toEqual({ start: 0, size: 2 ** 32 });
    expect(parseIPv4Block('0.0.0.0')).toEqual({ start: 0, size: 1 });
  });

  it('refuses what is not an IPv4 address or block', () => {
    for (const text of ['203.0.113.0/33', '203.0.113.300', '203.0.113', '203.0.113.0/24/1', '203.0.113.0/', '::/0', 'any']) expect(parseIPv4Block(text), text).toBeUndefined();
  });
});
