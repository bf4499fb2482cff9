/**
 * One measured run: autocannon at a fixed number of connections against one target for a warm-up and then for the
 * measured duration, with the resident memory (VmRSS from /proc/<pid>/status) of the target's processes sampled
 * every 100 ms during the measured part. A response counts as an error when its status is not 2xx, the connection
 * fails or times out, or its body carries GraphQL errors (a 200 with `"errors":[`).
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
}

export interface Figures {
  readonly requests: number;
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
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

const hasGraphQLErrors = (body: string | Buffer | undefined): boolean => String(body ?? '').includes('"errors":[');

function fire(spec: LoadSpec, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: spec.url,
    method: 'POST',
    body: spec.body,
    headers: { 'content-type': 'application/json', ...spec.headers },
    connections: spec.connections,
    duration: seconds,
    timeout: 30,
    verifyBody: (body) => !hasGraphQLErrors(body),
  });
}

export async function measure(spec: LoadSpec): Promise<Figures> {
  if (spec.warmupSeconds > 0) await fire(spec, spec.warmupSeconds);
  const peak: Record<string, number> = {};
  const sample = (): void => {
    for (const [name, pid] of Object.entries(spec.pids)) {
      const mb = rssMb(pid);
      if (mb !== undefined && mb > (peak[name] ?? 0)) peak[name] = mb;
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  let r: autocannon.Result;
  try {
    r = await fire(spec, spec.seconds);
  } finally {
    clearInterval(timer);
  }
  sample();
  return {
    requests: r.requests.total,
    requestsPerSec: r.requests.total / Math.max(r.duration, 1e-9),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.non2xx + r.mismatches,
    peakRssMb: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v * 10) / 10])),
  };
}
