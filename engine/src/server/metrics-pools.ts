/**
 * Gauges of the engine's Postgres pools, read at scrape time from `Runtime.poolStats()`. `hasura_postgres_connections`
 * and `hasura_postgres_max_connections` are Hasura Enterprise's (in use, as Hasura samples its pool's in-use count;
 * and the pool's size), with its labels; the idle and waiting gauges are this engine's own, with the same labels.
 */
import { Gauge, type Registry } from 'prom-client';
import type { PoolStats } from '../execute/types.js';

const LABELS = ['source_name', 'conn_info', 'role'] as const;

export function registerPoolGauges(registers: Registry[], read: () => readonly PoolStats[]): void {
  const gauge = (name: string, help: string, value: (p: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: LABELS,
      registers,
      collect() {
        this.reset();
        for (const p of read()) this.set({ source_name: p.sourceName, conn_info: p.connInfo, role: p.role }, value(p));
      },
    });
  gauge(
    'hasura_postgres_connections',
    'Current number of active PostgreSQL connections (in use)',
    (p) => p.total - p.idle,
  );
  gauge('hasura_postgres_max_connections', 'Maximum number of PostgreSQL connections of the pool', (p) => p.max);
  gauge(
    'hasura_postgres_idle_connections',
    "Open PostgreSQL connections not in use (this engine's own; Hasura has no such series)",
    (p) => p.idle,
  );
  gauge(
    'hasura_postgres_pool_waiting_requests',
    "Requests waiting for a PostgreSQL connection of the pool (this engine's own; Hasura has no such series)",
    (p) => p.waiting,
  );
}
