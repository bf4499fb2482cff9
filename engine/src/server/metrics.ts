/**
 * Prometheus metrics with Hasura Enterprise's names (observability/enterprise-edition/prometheus/metrics), served by
 * metrics-api.ts. Hasura OSS has no such endpoint; the metrics it keeps internally are the same ones.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type OperationType = 'query' | 'mutation' | 'subscription';

export interface EngineMetrics {
  registry: Registry;
  /** One GraphQL request over HTTP: its operation type (if it named one), whether it failed, how long it took. */
  graphqlRequest(type: OperationType | undefined, failed: boolean, seconds: number): void;
}

export function createEngineMetrics(live: () => { connections: number; subscriptions: number; pollers: number }) {
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
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  gauge('hasura_websocket_connections', 'Current number of active websocket connections', () => live().connections);
  gauge('hasura_active_subscriptions', 'Current number of active subscriptions', () => live().subscriptions);
  gauge(
    'hasura_active_subscription_pollers',
    'Number of multiplexed subscription pollers currently running',
    () => live().pollers,
  );
  const metrics: EngineMetrics = {
    registry,
    graphqlRequest(type, failed, seconds) {
      const operationType = type ?? 'unknown';
      requests.inc({ operation_type: operationType, response_status: failed ? 'failed' : 'success' });
      if (!failed && type !== undefined && type !== 'subscription') time.observe({ operation_type: type }, seconds);
    },
  };
  return metrics;
}
