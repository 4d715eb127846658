import { describe, expect, it } from 'vitest';
import { ipv4RangeSize, isInternetSource, isWholeInternetMask, parseIPv4, SLASH_8_SIZE } from '../../src/adapters/addresses.js';

describe('isInternetSource', () => {
  it.each(['*', 'Internet', 'internet', 'INTERNET', 'Any', 'any', '0.0.0.0', '0.0.0.0/0', '::/0', ' Internet ', '10.0.0.0/0'])('%j is the internet', (prefix) => {
    expect(isInternetSource(prefix)).toBe(true);
  });
  it.each(['VirtualNetwork', 'AzureLoadBalancer', '10.0.0.0/8', '0.0.0.0/1', '203.0.113.5', '203.0.113.5/32', '::1/128', 'Storage', ''])(
    '%j is not the whole internet',
    (prefix) => {
      expect(isInternetSource(prefix)).toBe(false);
    },
  );
});

describe('isWholeInternetMask (IP filter and firewall rules)', () => {
  it.each(['0.0.0.0/0', '::/0', ' 10.1.2.3/00 '])('%j covers every address', (mask) => {
    expect(isWholeInternetMask(mask)).toBe(true);
  });
  // A bare 0.0.0.0 in an IP rule is one address, unlike an NSG source where it means any.
  it.each(['0.0.0.0', '0.0.0.0/1', '203.0.113.0/24', 'Internet', ''])('%j does not', (mask) => {
    expect(isWholeInternetMask(mask)).toBe(false);
  });
});

describe('IPv4 ranges', () => {
  it('parses dotted quads and rejects the rest', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('255.255.255.255')).toBe(4294967295);
    expect(parseIPv4('10.1.2.3')).toBe(167838211);
    for (const bad of ['256.0.0.0', '1.2.3', 'any', '1.2.3.4.5', '::1', '01.2.3.x']) expect(parseIPv4(bad)).toBeUndefined();
  });

  it('sizes ranges so that a /8 is the boundary', () => {
    expect(ipv4RangeSize(parseIPv4('10.0.0.0')!, parseIPv4('10.255.255.255')!)).toBe(SLASH_8_SIZE);
    expect(ipv4RangeSize(parseIPv4('0.0.0.0')!, parseIPv4('255.255.255.255')!)).toBe(2 ** 32);
    expect(ipv4RangeSize(5, 4)).toBe(0);
  });
});
