/**
 * Address prefixes and IPv4 ranges as NSG rules and SQL firewall rules write them.
 */

/** Source tokens Azure treats as "any address", compared case-insensitively. */
const ANY_SOURCE_TOKENS = new Set(['*', 'internet', 'any', '0.0.0.0', '0.0.0.0/0', '::/0']);

/**
 * True when an NSG address prefix admits the whole internet: `*`, the `Internet` service
 * tag, `Any`, or a /0 in either address family. Case-insensitive, because ARM accepts
 * `internet` as readily as `Internet`, and scanners that compared case-sensitively missed it.
 */
export function isInternetSource(prefix: string): boolean {
  const token = prefix.trim().toLowerCase();
  if (ANY_SOURCE_TOKENS.has(token)) return true;
  // Any other /0 in either family; most prefixes are narrower, and are told apart by their end.
  return (token.endsWith('/0') || token.endsWith('/00')) && /^[0-9a-f:.]+\/0+$/.test(token);
}

/** Parses dotted-quad IPv4 to an unsigned 32-bit number, or undefined when it is not one. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Number of addresses in the inclusive range [start, end]; 0 when end is below start. */
export function ipv4RangeSize(start: number, end: number): number {
  return end >= start ? end - start + 1 : 0;
}

/** 2^24: the number of addresses in a /8. */
export const SLASH_8_SIZE = 16_777_216;

/** A mask covering every address: `0.0.0.0/0` (or `::/0`). A bare `0.0.0.0` is one address. */
export function isWholeInternetMask(mask: string): boolean {
  return /^[0-9a-fA-F:.]+\/0+$/.test(mask.trim());
}

/**
 * An IPv4 address (`203.0.113.7`, one address) or CIDR block (`203.0.113.0/24`) as its first
 * address and its number of addresses; undefined when the text is neither. Host bits set
 * below the prefix are ignored, as Azure's firewalls do.
 */
export function parseIPv4Block(text: string): { readonly start: number; readonly size: number } | undefined {
  const [address, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || address === undefined) return undefined;
  const value = parseIPv4(address);
  if (value === undefined) return undefined;
  if (prefixText === undefined) return { start: value, size: 1 };
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) return undefined;
  const size = 2 ** (32 - Number(prefixText));
  return { start: value - (value % size), size };
}

/**
 * How many addresses an IPv4 address or CIDR range (`203.0.113.7`, `203.0.113.0/24`) or IPv6
 * CIDR range (`2001:db8::/48`) holds; undefined when the text is neither. A bare IPv4 address
 * is one address. A platform endpoint's range grant carries this count; a `/0` admits
 * everyone and is told apart with isWholeInternetMask before counting.
 */
export function addressCount(range: string): number | undefined {
  const [address, prefix, ...rest] = range.trim().split('/');
  if (address === undefined || rest.length > 0) return undefined;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return undefined;
  if (parseIPv4(address) !== undefined) {
    const bits = prefix === undefined ? 32 : Number(prefix);
    return bits <= 32 ? 2 ** (32 - bits) : undefined;
  }
  if (!/^[0-9a-fA-F:]+$/.test(address) || !address.includes(':') || prefix === undefined) return undefined;
  const bits = Number(prefix);
  return bits <= 128 ? 2 ** (128 - bits) : undefined;
}
