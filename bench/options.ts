/**
 * Command-line options of `npm run bench` (see bench/run.ts for the synopsis, BENCH_USAGE for `--help`). `--quick`
 * is a smoke run: 1× data, 10 connections, 0.5 s warm-up + 1 s per run (at most 4 s), and no RESULTS.md unless
 * `--out` is given. Every command-line mistake is a UsageError (run.ts: one line, exit 2), found before anything
 * starts.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TARGETS, type TargetName } from './report.js';
import { REPO } from './targets/child.js';
import { OPERATIONS, type Operation } from './workload.js';

/** A command-line mistake: run.ts prints `bench: <message>` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const BENCH_USAGE = `usage: npm run bench -- [options]
       npm run bench -- --render <file.json> [--out <dir>]
       npx tsx bench/run.ts [options]          (the same without the npm-install check)

The CourseTable-shaped workload against the engine (through the local gateway and directly), PostGraphile 5 and
raw SQL, on a throwaway stack it starts itself; writes RESULTS.md and results.svg. Method: bench/README.md.

options (defaults of a full run; of --quick in brackets):
  --duration <s>        measured seconds per run, at least (default: 5) [1]
  --warmup <s>          warm-up seconds before each run, 0 = none (default: 1) [0.5]
  --max-duration <s>    cap of a run stretched by a slow operation (default: 40) [4]
  --connections <list>  concurrency levels, comma-separated (default: 10,50) [10]
  --sizes <list>        data sizes, multiples of the default sample data (default: 1,10) [1]
  --targets <list>      subset of ${TARGETS.join(',')} (default: all)
  --ops <list>          subset of ${OPERATIONS.map((o) => o.id).join(',')}
                        (default: all)
  --db bouncer|direct   servers reach Postgres through pgbouncer or directly (default: bouncer)
  --pool <n>            database connections per server (default: 20)
  --report <file.json>  also write the raw figures as JSON (default: none)
  --out <dir>           where RESULTS.md and results.svg go (default: bench/) [none]
  --no-results          write no RESULTS.md / results.svg
  --quick               smoke run with the bracketed defaults
  --render <file.json>  no measuring: RESULTS.md and the chart again from a saved report
  -h, --help            print this help and exit

examples:
  npm run bench -- --quick
  npm run bench -- --targets engine,raw --sizes 1 --connections 10 --report /tmp/bench.json
  npm run bench -- --render bench/results.json
`;

export interface Options {
  /** `--help`: print BENCH_USAGE, measure nothing. */
  readonly help: boolean;
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
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${what}: not a positive number: ${s}`);
  return n;
};
const list = (s: string, what: string): number[] => s.split(',').map((x) => positive(x, what));

/** node:util parseArgs errors are long and name the fix for positionals; the first sentence is the message. */
function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof TypeError && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(err.message.split(/\.\s/)[0] ?? err.message);
    }
    throw err;
  }
}

export function parseOptions(args: string[]): Options {
  const { values } = usageErrors(() =>
    parseArgs({
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
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  const quick = values.quick;
  const targets = (values.targets ?? TARGETS.join(',')).split(',').map((t) => t.trim());
  const unknown = targets.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (unknown.length > 0)
    throw new UsageError(`--targets: unknown ${unknown.join(', ')} (known: ${TARGETS.join(', ')})`);
  const opIds = values.ops?.split(',').map((o) => o.trim());
  const ops = opIds ? OPERATIONS.filter((o) => opIds.includes(o.id)) : OPERATIONS;
  if (opIds && ops.length !== opIds.length) {
    throw new UsageError(`--ops: known operations are ${OPERATIONS.map((o) => o.id).join(', ')}`);
  }
  if (values.db !== 'bouncer' && values.db !== 'direct') throw new UsageError('--db: bouncer or direct');
  return {
    help: values.help,
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
