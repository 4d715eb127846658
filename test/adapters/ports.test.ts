import { describe, expect, it } from 'vitest';
import { parsePortRange, PortRangeSyntaxError } from '../../src/adapters/ports.js';
import { PortSet } from '../../src/model/ports.js';

describe('parsePortRange', () => {
  it.each([
    ['*', 0, 65535],
    ['22', 22, 22],
    [' 22 ', 22, 22],
    ['1000-2000', 1000, 2000],
    ['1000 - 2000', 1000, 2000],
    ['0', 0, 0],
    ['65535', 65535, 65535],
    ['Any', 0, 65535],
  ])('reads %j as %i-%i', (text, from, to) => {
    expect(parsePortRange(text)).toEqual({ from, to });
  });

  it.each(['', 'ssh', '22,23', '65536', '100-99', '-5', '1-2-3', '22/tcp'])('rejects %j', (text) => {
    expect(() => parsePortRange(text)).toThrow(PortRangeSyntaxError);
  });
});

describe('PortSet', () => {
  const set = (...ranges: Array<[number, number]>) => PortSet.of(ranges.map(([from, to]) => ({ from, to })));

  it('merges overlapping and adjacent ranges', () => {
    expect(set([10, 20], [15, 30], [31, 40], [50, 50]).toString()).toBe('10-40, 50');
  });

  it('subtracts a range from the middle, the edges and the whole', () => {
    expect(set([1, 100]).subtract(set([50, 60])).toString()).toBe('1-49, 61-100');
    expect(set([1, 100]).subtract(set([1, 10], [90, 100])).toString()).toBe('11-89');
    expect(set([1, 100]).subtract(set([0, 65535])).isEmpty).toBe(true);
    expect(set([22, 22], [3389, 3389]).subtract(set([22, 22])).toString()).toBe('3389');
  });

  it('subtracts several ranges from several ranges', () => {
    expect(set([1, 10], [20, 30], [40, 50]).subtract(set([5, 25], [45, 60])).toString()).toBe('1-4, 26-30, 40-44');
  });

  it('intersects', () => {
    expect(set([0, 65535]).intersect(set([22, 22], [27017, 27019])).toString()).toBe('22, 27017-27019');
    expect(set([27018, 27018]).intersect(set([27017, 27019])).toString()).toBe('27018');
    expect(set([1, 5]).intersect(set([6, 9])).isEmpty).toBe(true);
  });

  it('answers membership and coverage', () => {
    const ports = set([1, 30000], [30001, 65535]);
    expect(ports.covers({ from: 1, to: 65535 })).toBe(true);
    expect(ports.has(0)).toBe(false);
    expect(set([1, 100], [102, 200]).covers({ from: 1, to: 200 })).toBe(false);
  });
});

describe('PortSet.overlaps', () => {
  const set = (...ranges: Array<[number, number]>) => PortSet.of(ranges.map(([from, to]) => ({ from, to })));
  it('agrees with a non-empty intersection', () => {
    const cases: Array<[PortSet, PortSet]> = [
      [set([1, 10]), set([10, 20])],
      [set([1, 9]), set([10, 20])],
      [set([1, 5], [30, 40]), set([6, 29])],
      [set([1, 5], [30, 40]), set([6, 30])],
      [set([0, 65535]), set([22, 22])],
      [PortSet.EMPTY, set([1, 2])],
    ];
    for (const [a, b] of cases) expect(a.overlaps(b)).toBe(!a.intersect(b).isEmpty);
  });
});
