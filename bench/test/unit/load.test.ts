import { describe, expect, it } from 'vitest';
import { percentile, runLengths } from '../../load.js';

describe('bench run lengths and percentiles', () => {
  const o = { seconds: 5, warmupSeconds: 1, maxSeconds: 40 };

  it('keeps the configured lengths for fast operations', () => {
    expect(runLengths(o, 5, 50, 2)).toEqual({ warmupSeconds: 1, seconds: 5 });
  });

  it('stretches warm-up and window for slow ones: a full pipeline, then two rounds', () => {
    // 250 ms × 50 connections / 2 cores = 6.25 s until the first answers.
    expect(runLengths(o, 250, 50, 2)).toEqual({ warmupSeconds: 7, seconds: 13 });
  });

  it('caps both (warm-up at half the cap)', () => {
    expect(runLengths(o, 2000, 50, 2)).toEqual({ warmupSeconds: 20, seconds: 40 });
    expect(runLengths({ ...o, maxSeconds: 2 }, 2000, 50, 2)).toEqual({ warmupSeconds: 1, seconds: 5 });
  });

  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});
