/**
 * One measured run: autocannon at a fixed number of connections against one target, warm-up and measurement in one
 * continuous run so the measured window starts with a full pipeline; only responses completed inside the window
 * count. The resident memory (VmRSS from /proc/<pid>/status) of the target's processes is sampled every 100 ms in the
 * window. A response counts as an error when its status is not 2xx, the connection fails or times out, or its body
 * carries GraphQL errors (a 200 with `"errors":[`). Afterwards `drain` waits until the requests autocannon abandoned
 * at the end have left Postgres, so they do not load the next run.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadSpec {
  readonly url: string;
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Processes whose peak RSS is reported, by name. */
  readonly pids: Record<string, number>;
  readonly drain?: () => Promise<void>;
}

export interface Figures {
  /** Successful responses (2xx without GraphQL errors) completed in the measured window. */
  readonly requests: number;
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** Errors by kind: an HTTP status, `graphql` (a 200 with errors) or `failed` (connection error or timeout). */
  readonly errorKinds: Record<string, number>;
  /** Length of the warm-up and of the measured window actually used, s. */
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** Peak VmRSS in MiB per sampled process. */
  readonly peakRssMb: Record<string, number>;
}

/** VmRSS of a process in MiB, or undefined when it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, clock ticks) a process has used, from /proc/<pid>/stat, or undefined when it is gone. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Resolves once every process used at most `ticks` of CPU in each of two consecutive 250 ms intervals (or after 60 s). */
export async function cpuQuiet(pids: readonly number[], ticks = 2): Promise<void> {
  const deadline = Date.now() + 60_000;
  let quiet = 0;
  let last = pids.map(cpuTicks);
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = pids.map(cpuTicks);
    quiet = now.every((t, i) => t === undefined || t - (last[i] ?? t) <= ticks) ? quiet + 1 : 0;
    last = now;
  }
}

/** The p-th percentile (nearest rank) of ascending values; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/**
 * Warm-up and window lengths for a run. With `connections` requests of `idleMs` each sharing `cpus` cores, the first
 * answers come after about idleMs × connections / cpus: the warm-up lasts at least that long, and the window at least
 * twice that, so a slow operation is measured in steady state over a couple of rounds (within the caps).
 */
export function runLengths(
  o: { seconds: number; warmupSeconds: number; maxSeconds: number },
  idleMs: number,
  connections: number,
  cpus: number,
): { warmupSeconds: number; seconds: number } {
  const fill = (idleMs / 1000) * (connections / Math.max(1, cpus));
  const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), Math.max(lo, hi));
  return {
    warmupSeconds: Math.ceil(clamp(fill, o.warmupSeconds, o.maxSeconds / 2)),
    seconds: Math.ceil(clamp(2 * fill, o.seconds, o.maxSeconds)),
  };
}

const hasGraphQLErrors = (body: string | Buffer | undefined): boolean => String(body ?? '').includes('"errors":[');

export async function measure(spec: LoadSpec): Promise<Figures> {
  const start = performance.now();
  const windowStart = start + spec.warmupSeconds * 1000;
  const inWindow = (): boolean => performance.now() >= windowStart;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  const fail = (kind: string): void => {
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  // autocannon reports a response, then verifies its body: the latency waits for the verdict.
  let pending: number | undefined;
  const peak: Record<string, number> = {};
  const sample = (): void => {
    if (!inWindow()) return;
    for (const [name, pid] of Object.entries(spec.pids)) {
      const mb = rssMb(pid);
      if (mb !== undefined && mb > (peak[name] ?? 0)) peak[name] = mb;
    }
  };
  const timer = setInterval(sample, 100);
  try {
    await new Promise<void>((resolve, reject) => {
      const instance = autocannon(
        {
          url: spec.url,
          method: 'POST',
          body: spec.body,
          headers: { 'content-type': 'application/json', ...spec.headers },
          connections: spec.connections,
          duration: spec.warmupSeconds + spec.seconds,
          timeout: 60,
          verifyBody: (body) => {
            const ok = !hasGraphQLErrors(body);
            if (pending !== undefined) {
              if (ok) latencies.push(pending);
              else fail('graphql');
              pending = undefined;
            }
            return ok;
          },
        },
        (err: unknown) => (err ? reject(err instanceof Error ? err : new Error('autocannon failed')) : resolve()),
      );
      instance.on('response', (_client, status, _bytes, ms) => {
        if (!inWindow()) return;
        if (status >= 200 && status <= 299) pending = ms;
        else fail(String(status));
      });
      instance.on('reqError', () => {
        if (inWindow()) fail('failed');
      });
    });
  } finally {
    clearInterval(timer);
  }
  const seconds = Math.max((performance.now() - windowStart) / 1000, 1e-9);
  await spec.drain?.();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    requestsPerSec: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors: Object.values(errorKinds).reduce((a, b) => a + b, 0),
    errorKinds,
    warmupSeconds: spec.warmupSeconds,
    seconds: Math.round(seconds * 100) / 100,
    peakRssMb: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v * 10) / 10])),
  };
}
