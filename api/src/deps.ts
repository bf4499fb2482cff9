/**
 * The API's clients, created once at start (main.ts) or by a test, and closed on shutdown. Handlers receive them
 * through `createApp(config, deps)`; nothing else constructs a client.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createMailer, type Mailer } from './clients/mailer.js';
import { createPool, type Pool } from './clients/pg.js';
import { createRedis } from './clients/redis.js';
import { createJobs, type Jobs } from './jobs/queues.js';
import { createMetrics, type Metrics } from './ops/metrics.js';

export interface Deps {
  logger: Logger;
  redis: Redis;
  pool: Pool;
  mailer: Mailer;
  /** Background jobs (BullMQ): requests only enqueue. */
  jobs: Jobs;
  /** Prometheus metrics of this process (served by main.ts on METRICS_PORT). */
  metrics: Metrics;
}

export function createDeps(config: Config, logger: Logger): Deps {
  const redis = createRedis(config.redisUrl, { commandTimeoutMs: config.redisCommandTimeoutMs, logger });
  const pool = createPool(config.databaseUrl, { max: config.databasePoolMax, logger });
  const jobs = createJobs(config, redis);
  return {
    logger,
    redis,
    pool,
    mailer: createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, logger }),
    jobs,
    metrics: createMetrics({ jobs, pool }, { processMetrics: true }),
  };
}

export async function closeDeps(deps: Deps): Promise<void> {
  deps.mailer.close();
  await Promise.allSettled([
    deps.jobs.close(),
    deps.pool.end(),
    deps.redis.quit().catch(() => deps.redis.disconnect()),
  ]);
}
