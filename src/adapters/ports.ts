import { MAX_PORT, MIN_PORT, type PortRange } from '../model/ports.js';

/** ARM's port syntax, as NSG, load balancer and firewall rules write ports. */

export class PortRangeSyntaxError extends Error {}

/**
 * Parses one NSG port expression: `*`, a single port `22`, or a range `1000-2000`.
 * Throws PortRangeSyntaxError for anything else, so a rule never reads a typo as "no ports".
 */
export function parsePortRange(text: string): PortRange {
  const spec = text.trim();
  if (spec === '*' || spec.toLowerCase() === 'any') return { from: MIN_PORT, to: MAX_PORT };
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(spec);
  if (!match) throw new PortRangeSyntaxError(`'${text}' is not a port, a range a-b or *`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from > MAX_PORT || to > MAX_PORT) throw new PortRangeSyntaxError(`'${text}' is outside 0-65535`);
  if (from > to) throw new PortRangeSyntaxError(`'${text}' is a range whose start is above its end`);
  return { from, to };
}
