/**
 * Command-line options of `npm run bench` (see bench/run.ts for the synopsis). `--quick` is a smoke run: 1× data,
 * 10 connections, 0.5 s warm-up + 1 s per run (at most 4 s), and no RESULTS.md unless `--out` is given.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TARGETS, type TargetName } from './report.js';
import { REPO } from './targets/child.js';
import { OPERATIONS, type Operation } from './workload.js';

export interface Options {
  readonly report: string | undefined;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Cap of a run's measured window when a slow operation stretches it (warm-up: half of it). */
  readonly maxSeconds: number;
  readonly connections: readonly number[];
  /** Multiples of the default sample data. */
  readonly sizes: readonly number[];
  readonly targets: readonly TargetName[];
  readonly ops: readonly Operation[];
  readonly db: 'bouncer' | 'direct';
  readonly poolSize: number;
  /** Directory for RESULTS.md and results.svg, or undefined for none. */
  readonly out: string | undefined;
  readonly quick: boolean;
  /** Re-render RESULTS.md and results.svg from this JSON report instead of measuring. */
  readonly render: string | undefined;
}

const positive = (s: string, what: string): number => {
  const n = Number(s.trim());
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${what}: not a positive number: ${s}`);
  return n;
};
const list = (s: string, what: string): number[] => s.split(',').map((x) => positive(x, what));

export function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      report: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'max-duration': { type: 'string' },
      connections: { type: 'string' },
      sizes: { type: 'string' },
      targets: { type: 'string' },
      ops: { type: 'string' },
      db: { type: 'string', default: 'bouncer' },
      pool: { type: 'string', default: '20' },
      out: { type: 'string' },
      'no-results': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      render: { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick;
  const targets = (values.targets ?? TARGETS.join(',')).split(',').map((t) => t.trim());
  const unknown = targets.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (unknown.length > 0) throw new Error(`--targets: unknown ${unknown.join(', ')} (known: ${TARGETS.join(', ')})`);
  const opIds = values.ops?.split(',').map((o) => o.trim());
  const ops = opIds ? OPERATIONS.filter((o) => opIds.includes(o.id)) : OPERATIONS;
  if (opIds && ops.length !== opIds.length) {
    throw new Error(`--ops: known operations are ${OPERATIONS.map((o) => o.id).join(', ')}`);
  }
  if (values.db !== 'bouncer' && values.db !== 'direct') throw new Error('--db: bouncer or direct');
  return {
    report: values.report,
    seconds: positive(values.duration ?? (quick ? '1' : '5'), '--duration'),
    warmupSeconds: values.warmup === '0' ? 0 : positive(values.warmup ?? (quick ? '0.5' : '1'), '--warmup'),
    maxSeconds: positive(values['max-duration'] ?? (quick ? '4' : '40'), '--max-duration'),
    connections: list(values.connections ?? (quick ? '10' : '10,50'), '--connections'),
    sizes: list(values.sizes ?? (quick ? '1' : '1,10'), '--sizes'),
    targets: targets as TargetName[],
    ops,
    db: values.db === 'direct' ? 'direct' : 'bouncer',
    poolSize: positive(values.pool, '--pool'),
    out: values['no-results'] ? undefined : (values.out ?? (quick ? undefined : join(REPO, 'bench'))),
    quick,
    render: values.render,
  };
}
