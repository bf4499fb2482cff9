/**
 * Rate limits kept in Redis (rate-limiter-flexible). Over the limit → 429 rate-limited with Retry-After.
 * If Redis cannot answer, the request is refused with 503 rather than let through unlimited.
 */
import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateRule } from '../config.js';
import { ApiError } from '../errors.js';

export interface Limiter {
  consume(key: string): Promise<void>;
  /** Give back a point taken by `consume` (best effort: a Redis error is ignored, the point then expires). */
  refund(key: string): Promise<void>;
}

export function createLimiter(redis: Redis, prefix: string, name: string, rule: RateRule): Limiter {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}rl:${name}`,
    points: rule.points,
    duration: rule.duration,
  });
  return {
    async consume(key: string) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          const retry = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
          throw new ApiError('rate-limited', undefined, { 'Retry-After': String(retry) });
        }
        throw new ApiError('service-unavailable', undefined, { 'Retry-After': '1' });
      }
    },
    async refund(key: string) {
      await limiter.reward(key, 1).catch(() => undefined);
    },
  };
}

/** Middleware form: the key is computed from the request (IP, account, user id…). */
export function rateLimit(limiter: Limiter, key: (req: Request) => string): RequestHandler {
  return async (req, _res, next) => {
    await limiter.consume(key(req));
    next();
  };
}
