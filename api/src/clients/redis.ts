/**
 * The ioredis client. Configured so that Redis being down never hangs a request: no offline queue (commands fail at
 * once while disconnected), one attempt per command, and a command timeout. It reconnects on its own with a capped
 * backoff, so sessions come back as soon as Redis does.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export function createRedis(
  url: string,
  opts: { commandTimeoutMs: number; logger: Logger; lazyConnect?: boolean },
): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: opts.commandTimeoutMs,
    connectTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    lazyConnect: opts.lazyConnect ?? false,
  });
  let lastLogged = 0;
  redis.on('error', (err: Error) => {
    // Reconnect attempts error every few hundred ms while Redis is down; log at most every 5 s.
    const now = Date.now();
    if (now - lastLogged > 5000) {
      lastLogged = now;
      opts.logger.warn({ err: { message: err.message } }, 'redis error');
    }
  });
  redis.on('ready', () => opts.logger.info('redis ready'));
  return redis;
}

export function redisReady(redis: Redis): boolean {
  return redis.status === 'ready';
}
