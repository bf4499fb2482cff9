/**
 * The benchmark's JSON report (`--report <file>`) and the figures derived from it: ratios engine/PostGraphile and
 * engine/raw, the gateway's overhead, and the summary lines of RESULTS.md (bench/results-md.ts renders them).
 * Everything here is pure so the unit tests can pin the arithmetic.
 */
import type { Figures } from './load.js';

export const TARGETS = ['gateway', 'engine', 'postgraphile', 'raw'] as const;
export type TargetName = (typeof TARGETS)[number];

export const TARGET_LABELS: Record<TargetName, string> = {
  gateway: 'engine via gateway',
  engine: 'engine',
  postgraphile: 'PostGraphile 5',
  raw: 'raw SQL (pg)',
};

export interface EquivalenceCheck {
  readonly op: string;
  readonly target: TargetName;
  readonly equal: boolean;
  /** Rows in the reference answer (engine, direct). */
  readonly rows: number;
  /** Latency of one request on the idle target (a second fetch), ms: what stretches the runs of slow operations. */
  readonly idleMs: number;
  readonly difference?: string;
}

export interface Dataset {
  /** Multiple of the default sample data (1 = 10,000 courses). */
  readonly size: number;
  /** The seed generator's --scale that gives it (courses grow with the square of --scale). */
  readonly seedScale: number;
  readonly courses: number;
  readonly rows: number;
  readonly seedSeconds: number;
  readonly sample: Record<string, string | number>;
  readonly equivalence: readonly EquivalenceCheck[];
  /** Times the gateway's health check marked the engine down while this data set ran (its log says "is DOWN"). */
  readonly gatewayMarkedDown: number;
}

export interface Run extends Figures {
  readonly size: number;
  readonly op: string;
  readonly connections: number;
  readonly target: TargetName;
  /** Position of this target in its group's rotated order (0 = ran first). */
  readonly position: number;
  /** The machine's 1-minute load average when the run started (the bench's own load included). */
  readonly loadavg1: number;
}

export interface Report {
  readonly date: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    readonly os: string;
    readonly loadavgStart: readonly number[];
    readonly loadavgEnd: readonly number[];
  };
  readonly versions: Record<string, string>;
  readonly method: {
    readonly seconds: number;
    readonly warmupSeconds: number;
    readonly maxSeconds: number;
    readonly connections: readonly number[];
    readonly sizes: readonly number[];
    readonly targets: readonly TargetName[];
    readonly db: 'bouncer' | 'direct';
    readonly poolSize: number;
    readonly quick: boolean;
  };
  readonly operations: readonly { readonly id: string; readonly title: string; readonly role: string }[];
  readonly datasets: readonly Dataset[];
  readonly runs: readonly Run[];
  readonly runtimeSeconds: number;
}

/** `targets` rotated left by `k`: group k of a dataset starts with target k mod n, so no target always goes first. */
export function rotation<T>(targets: readonly T[], k: number): T[] {
  const n = targets.length;
  if (n === 0) return [];
  const s = ((k % n) + n) % n;
  return [...targets.slice(s), ...targets.slice(0, s)];
}

/** a / b, or undefined when either is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return a / b;
}

/** Geometric mean of the defined, positive values (the average of ratios), or undefined when there are none. */
export function geomean(values: readonly (number | undefined)[]): number | undefined {
  const xs = values.filter((v): v is number => v !== undefined && v > 0);
  if (xs.length === 0) return undefined;
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

export interface Comparison {
  readonly size: number;
  readonly op: string;
  readonly connections: number;
  readonly byTarget: Partial<Record<TargetName, Run>>;
  /** req/s of the engine (direct) over PostGraphile's: > 1 = the engine serves more. */
  readonly engineVsPostgraphile?: number;
  /** req/s of the engine (direct) over the raw SQL server's: ≤ 1 in theory (the physical limit). */
  readonly engineVsRaw?: number;
  /** req/s through the gateway over direct: < 1 = the gateway costs throughput. */
  readonly gatewayThroughput?: number;
  /** p50 through the gateway minus p50 direct, ms. */
  readonly gatewayP50Ms?: number;
}

/** One comparison per dataset × operation × connections, in the report's run order. */
export function compare(runs: readonly Run[]): Comparison[] {
  const groups = new Map<string, Run[]>();
  for (const r of runs) {
    const key = JSON.stringify([r.size, r.op, r.connections]);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((g) => {
    const first = g[0]!;
    const byTarget: Partial<Record<TargetName, Run>> = {};
    for (const r of g) byTarget[r.target] = r;
    const rps = (t: TargetName): number | undefined => byTarget[t]?.requestsPerSec;
    const p50 = (t: TargetName): number | undefined => byTarget[t]?.p50Ms;
    const gw = p50('gateway');
    const direct = p50('engine');
    const out: Comparison = {
      size: first.size,
      op: first.op,
      connections: first.connections,
      byTarget,
      ...defined('engineVsPostgraphile', ratio(rps('engine'), rps('postgraphile'))),
      ...defined('engineVsRaw', ratio(rps('engine'), rps('raw'))),
      ...defined('gatewayThroughput', ratio(rps('gateway'), rps('engine'))),
      ...defined('gatewayP50Ms', gw !== undefined && direct !== undefined ? gw - direct : undefined),
    };
    return out;
  });
}

function defined<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

export interface Summary {
  readonly size: number;
  readonly connections: number;
  readonly engineVsPostgraphile?: number;
  readonly engineVsRaw?: number;
  readonly gatewayThroughput?: number;
  /** Highest peak RSS of the engine process over the dataset's runs at this concurrency, MiB. */
  readonly enginePeakRssMb?: number;
}

/** Geometric means over the operations, per dataset and concurrency. */
export function summarize(comparisons: readonly Comparison[]): Summary[] {
  const keys = [...new Set(comparisons.map((c) => JSON.stringify([c.size, c.connections])))];
  return keys.map((k) => {
    const [size, connections] = JSON.parse(k) as [number, number];
    const cs = comparisons.filter((c) => c.size === size && c.connections === connections);
    const rss = cs.flatMap((c) =>
      (['engine', 'gateway'] as const).flatMap((t) => {
        const mb = c.byTarget[t]?.peakRssMb['engine'];
        return mb === undefined ? [] : [mb];
      }),
    );
    return {
      size,
      connections,
      ...defined('engineVsPostgraphile', geomean(cs.map((c) => c.engineVsPostgraphile))),
      ...defined('engineVsRaw', geomean(cs.map((c) => c.engineVsRaw))),
      ...defined('gatewayThroughput', geomean(cs.map((c) => c.gatewayThroughput))),
      ...defined('enginePeakRssMb', rss.length > 0 ? Math.max(...rss) : undefined),
    };
  });
}
