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
 * How many addresses an IPv4 or IPv6 address or CIDR block (`203.0.113.0/24`, `2001:db8::/48`,
 * `198.51.100.7`) covers: 2^(32 − prefix) or 2^(128 − prefix), 1 for a bare address. Undefined
 * when the text is neither; a /0 is the whole internet (`isWholeInternetMask`), not a range.
 */
export function addressCount(text: string): number | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const bits = parseIPv4(address) !== undefined ? 32 : isIPv6(address) ? 128 : undefined;
  if (bits === undefined) return undefined;
  if (prefixText === undefined) return 1;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  return 2 ** (bits - Number(prefixText));
}

/** A loose IPv6 check: hex groups and colons, at most one `::`, and 8 groups unless `::` stands for some. */
function isIPv6(text: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(text) || !text.includes(':')) return false;
  const compressed = text.split('::');
  if (compressed.length > 2) return false;
  const groups = compressed.flatMap((part) => (part === '' ? [] : part.split(':')));
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return false;
  return compressed.length === 2 ? groups.length < 8 : groups.length === 8;
}
