import { describe, expect, it } from 'vitest';
import { decadeLabel, decades, escapeXml, formatRate, logY, renderChart } from '../../chart.js';
import { report } from './fixtures.js';

describe('bench chart', () => {
  it('spans whole decades around the values', () => {
    expect(decades([25, 2000])).toEqual({ lo: 1, hi: 4 });
    expect(decades([100])).toEqual({ lo: 2, hi: 3 });
    expect(decades([0.5, 3])).toEqual({ lo: -1, hi: 1 });
    expect(decades([])).toEqual({ lo: 0, hi: 1 });
  });

  it('maps values to a log axis, clamped to the plot', () => {
    expect(logY(10, 1, 3, 200)).toBe(0);
    expect(logY(100, 1, 3, 200)).toBeCloseTo(100);
    expect(logY(1000, 1, 3, 200)).toBeCloseTo(200);
    expect(logY(1e6, 1, 3, 200)).toBe(200);
    expect(logY(0, 1, 3, 200)).toBe(0);
  });

  it('labels rates and decades briefly', () => {
    expect([formatRate(3.21), formatRate(42.4), formatRate(1234), formatRate(23456)]).toEqual([
      '3.2',
      '42',
      '1.2k',
      '23k',
    ]);
    expect([decadeLabel(-1), decadeLabel(0), decadeLabel(2), decadeLabel(4)]).toEqual(['0.1', '1', '100', '10k']);
    expect(escapeXml(`a<b & "c"`)).toBe('a&lt;b &amp; &quot;c&quot;');
  });

  it('draws one bar per run, grouped by operation, in one panel per data set × concurrency', () => {
    const svg = renderChart(report());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(8);
    expect(svg).toContain('<title>PostGraphile 5, b: 10.0 req/s</title>');
    expect(svg).toContain('1× data (10,000 courses), 10 connections');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const r = report();
    const withErrors = {
      ...r,
      runs: r.runs.map((x, i) => (i === 0 ? { ...x, errors: 3, errorKinds: { '503': 3 } } : x)),
    };
    expect(renderChart(withErrors)).toContain('fill="#b00">800*</text>');
  });
});
