/**
 * GET /api/ping   → "pong" (container healthcheck; no dependency touched)
 * GET /api/health → { status, checks: { redis, postgres, graphql } } with per-dependency status and latency;
 *                   503 when one is down. Each check is bounded by a 1 s timeout.
 */
import { Router } from 'express';
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';

export interface Check {
  status: 'up' | 'down' | 'not-configured';
  latencyMs?: number;
  error?: string;
}

const TIMEOUT_MS = 1000;

async function timed(fn: () => Promise<unknown>): Promise<Check> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch (err) {
    // Only a short, known-safe reason: never the raw error text (it can contain hosts or credentials).
    const reason = err instanceof Error && err.message === 'timeout' ? 'timeout' : 'unreachable';
    return { status: 'down', latencyMs: Math.round(performance.now() - t0), error: reason };
  } finally {
    clearTimeout(timer);
  }
}

export function engineHealthUrl(graphqlUrl: string): string {
  const u = new URL(graphqlUrl);
  u.pathname = u.pathname.replace(/\/v1(alpha1)?\/graphql\/?$/, '') + '/healthz';
  u.pathname = u.pathname.replace(/\/\/+/g, '/');
  return u.href;
}

export function opsRouter(config: Config, deps: Deps): Router {
  const r = Router();
  r.get('/ping', (_req, res) => {
    res.json('pong');
  });
  r.get('/health', async (_req, res) => {
    const [redis, postgres, graphql] = await Promise.all([
      timed(() => deps.redis.ping()),
      timed(() => deps.pool.query('select 1')),
      config.graphqlUrl
        ? timed(async () => {
            const resp = await fetch(engineHealthUrl(config.graphqlUrl ?? ''), {
              signal: AbortSignal.timeout(TIMEOUT_MS),
            });
            if (!resp.ok) throw new Error(`status ${resp.status}`);
          })
        : Promise.resolve<Check>({ status: 'not-configured' }),
    ]);
    const checks = { redis, postgres, graphql };
    const down = Object.values(checks).some((c) => c.status === 'down');
    res.set('Cache-Control', 'no-store');
    res.status(down ? 503 : 200).json({ status: down ? 'down' : 'up', checks });
  });
  return r;
}
