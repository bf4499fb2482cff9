/**
 * express-session on connect-redis 8 + ioredis.
 *
 * Cookie: httpOnly, sameSite=lax, secure (except plain-http local runs), rolling idle timeout, absolute lifetime,
 * saveUninitialized=false (no session before login). When Redis is not ready the middleware answers
 * 503 session-store-unavailable at once instead of waiting; a slow Redis fails through the client's command timeout.
 */
import type { RequestHandler } from 'express';
import session from 'express-session';
import { RedisStore } from 'connect-redis';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { redisReady } from '../clients/redis.js';
import { sessionPrefix } from './session-keys.js';
import { isLive, ttlSeconds, type StoredSession } from './session-lifetime.js';
import './session.types.js';

export function sessionCookieOptions(config: Config): { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/' } {
  return { httpOnly: true, sameSite: 'lax', secure: config.session.secure, path: '/' };
}

export function createSessionMiddleware(config: Config, redis: Redis): RequestHandler {
  const { idleTimeoutS, absoluteLifetimeS } = config.session;
  const store = new RedisStore({
    client: redis,
    prefix: sessionPrefix(config.redisPrefix),
    ttl: (sess) => ttlSeconds(sess as StoredSession, idleTimeoutS, absoluteLifetimeS),
  });
  const mw = session({
    name: config.session.cookieName,
    secret: [...config.session.secrets],
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: { ...sessionCookieOptions(config), maxAge: idleTimeoutS * 1000 },
  });

  return (req, res, next) => {
    if (!redisReady(redis)) {
      next(new ApiError('session-store-unavailable', undefined, { 'Retry-After': '1' }));
      return;
    }
    mw(req, res, (err?: unknown) => {
      if (err) {
        req.log.warn({ err: { message: err instanceof Error ? err.message : 'unknown' } }, 'session store error');
        next(new ApiError('session-store-unavailable', undefined, { 'Retry-After': '1' }));
        return;
      }
      // Absolute lifetime: a session older than that is ended even if it was used recently; the request goes on
      // with a fresh, empty (unsaved) session.
      if (req.session?.user && !isLive(req.session as StoredSession, absoluteLifetimeS)) {
        req.session.regenerate((e?: unknown) => (e ? next(new ApiError('session-store-unavailable')) : next()));
        return;
      }
      next();
    });
  };
}
