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

export interface Deps {
  logger: Logger;
  redis: Redis;
  pool: Pool;
  mailer: Mailer;
  /** Background jobs (BullMQ): requests only enqueue. */
  jobs: Jobs;
}

export function createDeps(config: Config, logger: Logger): Deps {
  const redis = createRedis(config.redisUrl, { commandTimeoutMs: config.redisCommandTimeoutMs, logger });
  return {
    logger,
    redis,
    pool: createPool(config.databaseUrl, { max: config.databasePoolMax, logger }),
    mailer: createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, logger }),
    jobs: createJobs(config, redis),
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
