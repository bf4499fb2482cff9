/**
 * Starting and ending sessions. Login regenerates the session id (no fixation) and records it in the user's Redis
 * set, so "log out everywhere" can delete every session of the user in one transaction.
 */
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { sessionKey, userSessionsKey } from './session-keys.js';
import { sessionCookieOptions } from './session.middleware.js';
import type { SessionUser } from './session.types.js';

function storeFailure(req: Request, err: unknown): ApiError {
  req.log.warn({ err: { message: err instanceof Error ? err.message : 'unknown' } }, 'session store error');
  return new ApiError('session-store-unavailable', undefined, { 'Retry-After': '1' });
}

export async function startSession(req: Request, config: Config, redis: Redis, user: SessionUser): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    req.session.regenerate((err?: unknown) => (err ? reject(storeFailure(req, err)) : resolve()));
  });
  req.session.user = user;
  req.session.createdAt = Date.now();
  await new Promise<void>((resolve, reject) => {
    req.session.save((err?: unknown) => (err ? reject(storeFailure(req, err)) : resolve()));
  });
  const key = userSessionsKey(config.redisPrefix, user.id);
  try {
    await redis.multi().sadd(key, req.sessionID).expire(key, config.session.absoluteLifetimeS).exec();
  } catch (err) {
    throw storeFailure(req, err);
  }
}

export async function endSession(req: Request, res: Response, config: Config, redis: Redis): Promise<void> {
  const sid = req.sessionID;
  const userId = req.session.user?.id;
  await new Promise<void>((resolve, reject) => {
    req.session.destroy((err?: unknown) => (err ? reject(storeFailure(req, err)) : resolve()));
  });
  if (userId !== undefined) await redis.srem(userSessionsKey(config.redisPrefix, userId), sid).catch(() => 0);
  res.clearCookie(config.session.cookieName, sessionCookieOptions(config));
}

/** Delete every session of a user (all devices). Returns how many sessions existed. */
export async function endAllSessions(config: Config, redis: Redis, userId: number): Promise<number> {
  const setKey = userSessionsKey(config.redisPrefix, userId);
  const sids = await redis.smembers(setKey);
  if (sids.length === 0) return 0;
  const results = await redis
    .multi()
    .del(...sids.map((sid) => sessionKey(config.redisPrefix, sid)))
    .del(setKey)
    .exec();
  const deleted = results?.[0]?.[1];
  return typeof deleted === 'number' ? deleted : 0;
}

/** Rewrite the role kept in each of a user's live sessions (after evaluation access was granted or revoked). */
export async function setRoleInSessions(
  config: Config,
  redis: Redis,
  userId: number,
  role: SessionUser['role'],
): Promise<void> {
  const sids = await redis.smembers(userSessionsKey(config.redisPrefix, userId));
  for (const sid of sids) {
    const key = sessionKey(config.redisPrefix, sid);
    const raw = await redis.get(key);
    if (!raw) continue;
    const sess = JSON.parse(raw) as { user?: SessionUser };
    if (!sess.user || sess.user.id !== userId) continue;
    sess.user.role = role;
    await redis.set(key, JSON.stringify(sess), 'KEEPTTL');
  }
}
