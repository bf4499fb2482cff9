/**
 * The fault schedule: at each fault's time, inject it, then poll a recovery probe until the system answers normally
 * again. A fault's window runs from its injection to its recovery (plus a little slack); errors are allowed only
 * inside a window, and only of the classes that fault explains.
 */
import type { Recorder, Sample } from './recorder.js';

export interface Fault {
  name: string;
  /** recorder time (ms) to inject at */
  at: number;
  inject: () => Promise<void>;
  /** error samples this fault explains */
  allows: (s: Sample) => boolean;
  /**
   * The window lasts at least this long even if the probe passes sooner: e.g. a dead replica stays in the gateway's
   * rotation until its health check fails, and the probe's requests may all have gone to the live one.
   */
  minWindowMs?: number;
}

export interface FaultRecord {
  name: string;
  at: number;
  start: number;
  /** inject() returned (for a kill + restart: the replica is back and healthy) */
  injected: number;
  /** the probe passed */
  recovered: number;
  /** end of the window errors are allowed in */
  windowEnd: number;
  /** set when inject() or recovery failed */
  failure?: string;
}

export interface ScheduleOptions {
  /** true when the system answers normally; must finish within a second or two */
  probe: () => Promise<boolean>;
  /** give up waiting for recovery after this long (ms) */
  recoveryLimitMs: number;
  /** added to the recovery time to form the window (answers already on their way, client-side caches) */
  slackMs: number;
}

export async function runSchedule(rec: Recorder, faults: Fault[], opts: ScheduleOptions): Promise<FaultRecord[]> {
  const out: FaultRecord[] = [];
  for (const f of faults) {
    const wait = f.at - rec.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const start = rec.now();
    let failure: string | undefined;
    try {
      await f.inject();
    } catch (err) {
      failure = `inject: ${err instanceof Error ? err.message : 'failed'}`;
    }
    const injected = rec.now();
    for (;;) {
      if (await opts.probe().catch(() => false)) break;
      if (rec.now() - start > opts.recoveryLimitMs) {
        failure ??= `not recovered after ${opts.recoveryLimitMs} ms`;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const recovered = rec.now();
    out.push({
      name: f.name,
      at: f.at,
      start,
      injected,
      recovered,
      windowEnd: Math.max(recovered, start + (f.minWindowMs ?? 0)) + opts.slackMs,
      ...(failure ? { failure } : {}),
    });
  }
  return out;
}

/** Every fault window a sample overlaps (a slow recovery can make one fault's window reach into the next). */
export function windowsOf(s: Sample, faults: FaultRecord[]): FaultRecord[] {
  return faults.filter((f) => s.start <= f.windowEnd && s.end >= f.start);
}
