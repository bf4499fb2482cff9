import { describe, expect, it } from 'vitest';
import { compare, geomean, ratio, rotation, summarize } from '../../report.js';
import { renderResults } from '../../results-md.js';
import { report } from './fixtures.js';

describe('bench report arithmetic', () => {
  it('rotates the target order so each target leads in turn', () => {
    const ts = ['g', 'e', 'p', 'r'];
    expect(rotation(ts, 0)).toEqual(['g', 'e', 'p', 'r']);
    expect(rotation(ts, 1)).toEqual(['e', 'p', 'r', 'g']);
    expect(rotation(ts, 5)).toEqual(['e', 'p', 'r', 'g']);
    expect(rotation(ts, -1)).toEqual(['r', 'g', 'e', 'p']);
    expect(rotation([], 3)).toEqual([]);
  });

  it('divides only defined figures by a non-zero one', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeUndefined();
    expect(ratio(undefined, 4)).toBeUndefined();
  });

  it('averages ratios geometrically, skipping missing ones', () => {
    expect(geomean([2, 0.5])).toBeCloseTo(1);
    expect(geomean([4, undefined, 1])).toBeCloseTo(2);
    expect(geomean([undefined])).toBeUndefined();
  });

  it('compares the targets of each data set × operation × concurrency', () => {
    const [a, b] = compare(report().runs);
    expect(a).toMatchObject({ op: 'a', engineVsPostgraphile: 2, engineVsRaw: 0.5, gatewayThroughput: 0.8 });
    expect(a?.gatewayP50Ms).toBeCloseTo(2);
    expect(b).toMatchObject({ op: 'b', engineVsPostgraphile: 5, engineVsRaw: 2, gatewayThroughput: 0.8 });
  });

  it('summarizes per data set and concurrency with the engine peak RSS of its runs', () => {
    const [s] = summarize(compare(report().runs));
    expect(s?.engineVsPostgraphile).toBeCloseTo(Math.sqrt(10));
    expect(s?.engineVsRaw).toBeCloseTo(1);
    expect(s?.gatewayThroughput).toBeCloseTo(0.8);
    expect(s?.enginePeakRssMb).toBe(130);
  });

  it('renders RESULTS.md with the summary, the runs and the ratios from the report', () => {
    const r = report();
    const md0 = renderResults(
      { ...r, runs: r.runs.map((x, i) => (i === 0 ? { ...x, errors: 1200, errorKinds: { '503': 1200 } } : x)) },
      'results.svg',
    );
    expect(md0).toContain('| 800 | 12.0 | 36.0 | 1,200 (503: 1,200) |');
    expect(md0).toContain('| a | 10 | 2.00× | 0.50× | 0.80× * | +2.0 * |');
    expect(md0).toContain('\\* a run behind this figure had errors');
    const md = renderResults(r, 'results.svg');
    expect(md).toContain('| 1× | 10 | 3.16× | 1.00× | 0.80× | 130 |');
    expect(md).toContain('| a | 10 | engine via gateway | 800 | 12.0 | 36.0 | 0 | engine 120, gateway 90 | 1+5 |');
    expect(md).toContain('| b | 10 | 5.00× | 2.00× | 0.80× | +30.0 |');
    expect(md).toContain(
      'Load average (1/5/15 min) at start 1 / 2 / 3, at end 2 / 2 / 3; 1-minute load at the start of the runs 3.0–3.0',
    );
    expect(md).toContain('![requests per second by operation and target](results.svg)');
    expect(md).toContain('every target gave the same rows as the engine for every operation | 2× |');
    expect(md).not.toContain('had errors');
  });
});
