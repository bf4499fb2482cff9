/** What every virtual user shares: the client, the ledger of writes, the catalog to pick from, the clock. */
import type { LoadClient } from './client.js';
import type { Ledger } from './ledger.js';
import type { Prng } from '../prng.js';

export interface Catalog {
  seasons: string[];
  /** CRNs of each season's listings */
  crns: Record<string, number[]>;
  courseIds: number[];
  titleWords: string[];
}

export interface World {
  client: LoadClient;
  ledger: Ledger;
  catalog: Catalog;
  /** recorder time at which the loops stop starting requests */
  endAt: number;
  cookieName: string;
  wsUrl: string;
  password: string;
  stats: UserStats;
  /** think time ranges (ms) per kind */
  think: Record<'browser' | 'editor' | 'subscriber', [number, number]>;
}

export interface UserStats {
  signups: number;
  logins: number;
  sessionLost: number;
  sessionLostAfterUnackedLogin: number;
  staleReads: number;
  /** ms from a subscriber's acknowledged write to its delivery on the subscription (0 if it came first) */
  propagationMs: number[];
  /** acknowledged subscriber writes not delivered within 10 s */
  undelivered: number;
}

export function newStats(): UserStats {
  return {
    signups: 0,
    logins: 0,
    sessionLost: 0,
    sessionLostAfterUnackedLogin: 0,
    staleReads: 0,
    propagationMs: [],
    undelivered: 0,
  };
}

/** Waits `ms`, but not past the run's end. */
export async function sleep(w: World, ms: number): Promise<void> {
  const left = w.endAt - w.client.recorder.now();
  await new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, left))));
}

/** The run is still on: loops start no request after its end. */
export const running = (w: World) => w.client.recorder.now() < w.endAt;
/** A user's pause between two requests. */
export const think = (w: World, kind: keyof World['think'], r: Prng) => sleep(w, r.int(...w.think[kind]));
