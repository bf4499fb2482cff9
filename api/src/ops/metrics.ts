/**
 * Prometheus metrics of one API process (prom-client, its own registry): request latency per route, errors by code
 * (rate-limit refusals among them), login outcomes per provider, the webhook's answers, the job queues' depth and
 * failures, the Postgres pool, and Node's process metrics. They are served on a port of their own
 * (`metrics-server.ts`, METRICS_PORT), which Traefik never routes: nothing here is reachable at the public port.
 */
import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Jobs } from '../jobs/queues.js';
import type { Pool } from '../clients/pg.js';
import type { WebhookOutcome } from '../hasura/webhook.routes.js';

/** The login routes, whose answers are counted as login outcomes. */
const LOGIN_ROUTES: Record<string, string> = {
  '/api/auth/password/login': 'password',
  '/api/auth/cas/callback': 'cas',
  '/api/auth/oidc/callback': 'oidc',
};

export interface Metrics {
  registry: Registry;
  /** First middleware of the app: times every request and counts its outcome when the answer is sent. */
  middleware: RequestHandler;
  webhookAnswer: (outcome: WebhookOutcome) => void;
}

export function createMetrics(deps: { jobs: Jobs; pool: Pool }, opts: { processMetrics: boolean }): Metrics {
  const registry = new Registry();
  if (opts.processMetrics) collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'api_http_request_duration_seconds',
    help: 'Time to answer a request, by method, route (the matched pattern) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'api_errors_total',
    help: 'Error answers by route and error code (rate-limited = a rate-limit refusal)',
    labelNames: ['route', 'code'] as const,
    registers: [registry],
  });
  const logins = new Counter({
    name: 'api_logins_total',
    help: 'Login attempts by provider and outcome (ok, or the error code)',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });
  const webhook = new Counter({
    name: 'api_webhook_answers_total',
    help: "The auth webhook's answers: the role given, refused (401) or unavailable (session store down)",
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'api_job_queue_jobs',
    help: 'Jobs in each background queue by state (failed = failed for good, kept for inspection)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await deps.jobs.counts().catch(() => ({}));
      for (const [queue, states] of Object.entries(counts))
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
    },
  });
  new Gauge({
    name: 'api_pg_pool_clients',
    help: "The API's Postgres pool: clients in use, idle, and requests waiting for one",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { totalCount, idleCount, waitingCount } = deps.pool;
      this.set({ state: 'in_use' }, totalCount - idleCount);
      this.set({ state: 'idle' }, idleCount);
      this.set({ state: 'waiting' }, waitingCount);
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    const pattern = matchedPattern(req);
    res.on('finish', () => {
      // The matched pattern, not the URL: ids and season codes would make one series per value.
      const route = pattern();
      const status = String(res.statusCode);
      end({ method: req.method, route, status });
      // the error middleware notes the code of an error answer (api/src/errors.ts)
      const code = (res.locals as { errorCode?: string }).errorCode;
      if (code !== undefined) errors.inc({ route, code });
      const provider = LOGIN_ROUTES[route];
      if (provider !== undefined) logins.inc({ provider, outcome: code ?? (res.statusCode < 400 ? 'ok' : status) });
    });
    next();
  };
  return { registry, middleware, webhookAnswer: (outcome) => webhook.inc({ outcome }) };
}

/**
 * The route pattern a request matched (`/api/catalog/public/:season.json`), or `unmatched`. Express restores
 * `req.baseUrl` as the request leaves each router, so by the time the answer is sent the mount path is gone: the
 * pattern is taken when the router assigns `req.route`, while its mount path is still in `req.baseUrl`.
 */
function matchedPattern(req: Request): () => string {
  let route: unknown;
  let pattern = 'unmatched';
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      if (value && typeof value.path === 'string') {
        const full = `${req.baseUrl}${value.path}`;
        pattern = full.length > 1 ? full.replace(/\/$/, '') : full;
      }
    },
  });
  return () => pattern;
}
