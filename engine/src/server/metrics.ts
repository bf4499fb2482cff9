/**
 * Prometheus metrics with Hasura Enterprise's names (observability/enterprise-edition/prometheus/metrics), served by
 * metrics-api.ts. Hasura OSS has no such endpoint; the metrics it keeps internally are the same ones. Series Hasura
 * has no equivalent for keep the `hasura_` prefix and say in their help that they are this engine's own. Figures come
 * in through the hooks below (called by the HTTP layer and the authenticator) and the readers passed in (read at
 * scrape time); no engine stage imports prom-client.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from '../execute/types.js';
import { registerPoolGauges } from './metrics-pools.js';

export type OperationType = 'query' | 'mutation' | 'subscription';

export interface EngineMetrics {
  registry: Registry;
  /**
   * One GraphQL request over HTTP: its operation type (if it named one), whether it failed, how long it took, and
   * how long its statements took in Postgres (when it sent any).
   */
  graphqlRequest(type: OperationType | undefined, failed: boolean, seconds: number, sqlSeconds?: number): void;
  /** The `extensions.code` of each error answered to a GraphQL request over HTTP. */
  graphqlErrors(codes: readonly string[]): void;
  /** A lookup in the cache of auth-webhook answers (auth/webhook.ts). */
  webhookCache(hit: boolean): void;
}

export interface MetricReaders {
  /** Websocket figures. */
  live: () => { connections: number; subscriptions: number; pollers: number };
  /** The runtime's Postgres pools. */
  pools: () => readonly PoolStats[];
}

/** Hasura's codes are short kebab-case words; anything else (a handler's own extensions) is counted as `unknown`. */
const codeLabel = (code: string): string => (/^[a-z0-9][a-z0-9-]{0,63}$/i.test(code) ? code : 'unknown');

export function createEngineMetrics(read: MetricReaders): EngineMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requests = new Counter({
    name: 'hasura_graphql_requests_total',
    help: 'Number of GraphQL requests received',
    labelNames: ['operation_type', 'response_status'] as const,
    registers,
  });
  const time = new Histogram({
    name: 'hasura_graphql_execution_time_seconds',
    help: 'Execution time of successful GraphQL requests (excluding subscriptions)',
    labelNames: ['operation_type'] as const,
    buckets: [0.01, 0.03, 0.1, 0.3, 1, 3, 10],
    registers,
  });
  const sqlTime = new Histogram({
    name: 'hasura_graphql_db_execution_time_seconds',
    help: "Time a GraphQL request's statements took in Postgres, summed, for requests that sent any (this engine's own; Hasura has no such series)",
    labelNames: ['operation_type'] as const,
    buckets: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
    registers,
  });
  const errors = new Counter({
    name: 'hasura_graphql_errors_total',
    help: "GraphQL errors answered over HTTP, by extensions.code (this engine's own; Hasura has no such series)",
    labelNames: ['code'] as const,
    registers,
  });
  const webhookCache = new Counter({
    name: 'hasura_auth_webhook_cache_requests_total',
    help: "Lookups in the cache of auth-webhook answers: hit, or miss (the webhook is called) (this engine's own; Hasura has no such series)",
    labelNames: ['status'] as const,
    registers,
  });
  for (const status of ['hit', 'miss']) webhookCache.inc({ status }, 0);
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(value());
      },
    });
  gauge(
    'hasura_websocket_connections',
    'Current number of active websocket connections',
    () => read.live().connections,
  );
  gauge('hasura_active_subscriptions', 'Current number of active subscriptions', () => read.live().subscriptions);
  gauge(
    'hasura_active_subscription_pollers',
    'Number of multiplexed subscription pollers currently running',
    () => read.live().pollers,
  );
  registerPoolGauges(registers, read.pools);
  return {
    registry,
    graphqlRequest(type, failed, seconds, sqlSeconds) {
      const operationType = type ?? 'unknown';
      requests.inc({ operation_type: operationType, response_status: failed ? 'failed' : 'success' });
      if (!failed && type !== undefined && type !== 'subscription') time.observe({ operation_type: type }, seconds);
      if (sqlSeconds !== undefined) sqlTime.observe({ operation_type: operationType }, sqlSeconds);
    },
    graphqlErrors(codes) {
      for (const code of codes) errors.inc({ code: codeLabel(code) });
    },
    webhookCache(hit) {
      webhookCache.inc({ status: hit ? 'hit' : 'miss' });
    },
  };
}
