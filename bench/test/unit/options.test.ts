import { describe, expect, it } from 'vitest';
import { BENCH_USAGE, parseOptions, UsageError } from '../../options.js';

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

  it('answers --help (-h) with a usage that names every option, its default and an example', () => {
    expect(parseOptions(['--help']).help).toBe(true);
    expect(parseOptions(['-h', '--quick']).help).toBe(true);
    expect(parseOptions([]).help).toBe(false);
    for (const option of [
      '--report',
      '--duration',
      '--warmup',
      '--max-duration',
      '--connections',
      '--sizes',
      '--targets',
      '--ops',
      '--db',
      '--pool',
      '--out',
      '--no-results',
      '--quick',
      '--render',
      '--help',
    ])
      expect(BENCH_USAGE).toContain(option);
    expect(BENCH_USAGE).toContain('gateway,engine,postgraphile,raw');
    expect(BENCH_USAGE).toContain('course_detail');
    expect(BENCH_USAGE).toMatch(/default: 10,50/);
    expect(BENCH_USAGE).toMatch(/example/);
  });

  it('refuses unknown options and stray arguments with a one-line UsageError', () => {
    expect(() => parseOptions(['--quik'])).toThrow(UsageError);
    expect(() => parseOptions(['--quik'])).toThrow(/^Unknown option '--quik'$/);
    expect(() => parseOptions(['quick'])).toThrow(/^Unexpected argument 'quick'$/);
    expect(() => parseOptions(['--duration'])).toThrow(UsageError);
    expect(() => parseOptions(['--targets', 'hasura'])).toThrow(UsageError);
  });
});
