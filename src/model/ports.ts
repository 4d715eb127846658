/**
 * Port numbers and sets of ports, as NSG rules and firewall rules write them.
 *
 * A PortSet is a sorted list of disjoint, non-adjacent closed intervals. NSG evaluation
 * subtracts higher-priority rules from lower-priority ones, so sets must be cheap to
 * union and subtract; interval lists keep that linear in the number of ranges, never in
 * the number of ports.
 */

export const MIN_PORT = 0;
export const MAX_PORT = 65535;

/** A closed interval of ports: [from, to]. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** Sorted, disjoint and non-adjacent already: the form a PortSet keeps. */
function isNormalised(ranges: readonly PortRange[]): boolean {
  for (let i = 1; i < ranges.length; i++) if (ranges[i]!.from <= ranges[i - 1]!.to + 1) return false;
  return true;
}

export class PortSet {
  static readonly EMPTY = new PortSet([]);

  private constructor(readonly ranges: readonly PortRange[]) {}

  static of(ranges: readonly PortRange[]): PortSet {
    if (ranges.length === 0) return PortSet.EMPTY;
    if (ranges.length === 1) return new PortSet([ranges[0]!]);
    if (isNormalised(ranges)) return new PortSet([...ranges]);
    const sorted = [...ranges].sort((a, b) => a.from - b.from);
    const merged: PortRange[] = [];
    for (const range of sorted) {
      const last = merged[merged.length - 1];
      if (last && range.from <= last.to + 1) {
        if (range.to > last.to) merged[merged.length - 1] = { from: last.from, to: range.to };
      } else {
        merged.push(range);
      }
    }
    return new PortSet(merged);
  }

  static single(port: number): PortSet {
    return new PortSet([{ from: port, to: port }]);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  union(other: PortSet): PortSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    return PortSet.of([...this.ranges, ...other.ranges]);
  }

  subtract(other: PortSet): PortSet {
    if (this.isEmpty || other.isEmpty) return this;
    const result: PortRange[] = [];
    let j = 0;
    for (const range of this.ranges) {
      let from = range.from;
      const to = range.to;
      while (j < other.ranges.length && other.ranges[j]!.to < from) j++;
      let k = j;
      while (k < other.ranges.length && other.ranges[k]!.from <= to) {
        const cut = other.ranges[k]!;
        if (cut.from > from) result.push({ from, to: cut.from - 1 });
        from = Math.max(from, cut.to + 1);
        if (from > to) break;
        k++;
      }
      if (from <= to) result.push({ from, to });
    }
    return new PortSet(result);
  }

  intersect(other: PortSet): PortSet {
    return this.subtract(this.subtract(other));
  }

  /** True when the sets share a port; allocates nothing, for the common case of no overlap. */
  overlaps(other: PortSet): boolean {
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const a = this.ranges[i]!;
      const b = other.ranges[j]!;
      if (a.to < b.from) i++;
      else if (b.to < a.from) j++;
      else return true;
    }
    return false;
  }

  has(port: number): boolean {
    return this.ranges.some((range) => range.from <= port && port <= range.to);
  }

  covers(range: PortRange): boolean {
    return this.ranges.some((own) => own.from <= range.from && range.to <= own.to);
  }

  /** `22, 80-443` — how reports print a set. */
  toString(): string {
    if (this.isEmpty) return 'none';
    return this.ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(', ');
  }
}

/** TCP or UDP: the transport protocols NSG, load balancer and firewall rules name. */
export type TransportProtocol = 'tcp' | 'udp';
