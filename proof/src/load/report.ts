/**
 * Figures and the printed summary of a load run: latency summaries, the per-operation and per-fault tables, and
 * whether sessions made before a fault were still accepted after it (without a new login).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultRecord } from './faults.js';
import type { Sample } from './recorder.js';
import type { RequestVerdict } from './verdict.js';
import { quantile } from '../pool.js';

export interface Spread {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function spread(xs: number[]): Spread {
  return {
    n: xs.length,
    p50: Math.round(quantile(xs, 0.5)),
    p99: Math.round(quantile(xs, 0.99)),
    max: Math.round(Math.max(0, ...xs)),
  };
}

export function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

const AUTHENTICATED = /^(action:|gql:mine|ws:connect)/;
const NEW_SESSION = new Set(['api:login']); // sign-up starts no session: the login after it does

/**
 * Users whose session was made before `fault` started, who did not log in again until after it, and whose
 * authenticated requests were accepted more than `cacheMs` after its window (the engine caches webhook answers for
 * that long): their session outlived the fault.
 */
export function sessionsThrough(samples: Sample[], fault: FaultRecord, cacheMs: number): number {
  const byUser = new Map<number, Sample[]>();
  for (const s of samples) if (s.kind !== 'browser') byUser.set(s.user, [...(byUser.get(s.user) ?? []), s]);
  let n = 0;
  for (const list of byUser.values()) {
    const made = list.filter((s) => NEW_SESSION.has(s.op) && s.outcome === 'ok').map((s) => s.end);
    const before = made.filter((t) => t < fault.start);
    if (before.length === 0) continue;
    const next = Math.min(...made.filter((t) => t >= fault.start), Infinity);
    const after = fault.windowEnd + cacheMs;
    if (list.some((s) => AUTHENTICATED.test(s.op) && s.outcome === 'ok' && s.start > after && s.end < next)) n += 1;
  }
  return n;
}

/** Writes summary.json to `dir` and prints the tables. */
export function report(dir: string, summary: Record<string, unknown>, requests: RequestVerdict, faults: FaultRecord[]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
  console.log(`faults under load: ${requests.total} requests, ${requests.rate}/s; summary in ${dir}/summary.json`);
  console.table(Object.entries(requests.byOp).map(([op, s]) => ({ op, ...s })));
  console.table(
    faults.map((f) => ({
      fault: f.name,
      atMs: Math.round(f.start),
      recoveredAfterMs: Math.round(f.recovered - f.start),
      errors: requests.perFault[f.name]?.errors,
      ok: requests.perFault[f.name]?.ok,
    })),
  );
  for (const f of faults) console.log(`${f.name}: ${JSON.stringify(requests.perFault[f.name]?.classes ?? {})}`);
  const { requests: _r, ...rest } = summary;
  console.log(JSON.stringify(rest, null, 2));
}
