import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../options.js';

describe('bench options', () => {
  it('defaults to the full run: 1× and 10×, 10 and 50 connections, every target and operation, RESULTS.md in bench/', () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({ seconds: 5, warmupSeconds: 1, connections: [10, 50], sizes: [1, 10], db: 'bouncer' });
    expect(o.targets).toEqual(['gateway', 'engine', 'postgraphile', 'raw']);
    expect(o.ops).toHaveLength(6);
    expect(o.out).toMatch(/bench$/);
  });

  it('makes --quick a short smoke run that writes no RESULTS.md unless asked', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ seconds: 1, connections: [10], sizes: [1], out: undefined });
    expect(parseOptions(['--quick', '--out', '/tmp/x']).out).toBe('/tmp/x');
    expect(parseOptions(['--no-results']).out).toBeUndefined();
  });

  it('takes lists and the last of repeated options (bench:engine passes defaults first)', () => {
    const o = parseOptions([
      '--targets',
      'engine,raw',
      '--connections',
      '10',
      '--connections',
      '5,20',
      '--ops',
      'search',
    ]);
    expect(o.targets).toEqual(['engine', 'raw']);
    expect(o.connections).toEqual([5, 20]);
    expect(o.ops.map((op) => op.id)).toEqual(['search']);
  });

  it('refuses unknown targets, operations and non-positive numbers', () => {
    expect(() => parseOptions(['--targets', 'hasura'])).toThrow(/unknown hasura/);
    expect(() => parseOptions(['--ops', 'nope'])).toThrow(/known operations/);
    expect(() => parseOptions(['--duration', '0'])).toThrow(/--duration/);
    expect(() => parseOptions(['--db', 'pooler'])).toThrow(/--db/);
  });
});
