/**
 * The Hasura auth webhook (hasura-compat A5): GET (client headers forwarded as headers) and POST
 * (`{ headers, request }` body) on /api/hasura/auth.
 *
 *   no session cookie              → 200 { "X-Hasura-Role": "anonymous" }
 *   valid cookie, live session     → 200 { "X-Hasura-Role": "student" | "student_evals", "X-Hasura-User-Id": "<id>" }
 *   forged cookie / expired or ended session → 401
 *
 * Only the session cookie is read; client `X-Hasura-*` headers are ignored. The role and user id live in the session,
 * so an answer costs exactly one Redis GET (no express-session, no touch, no database).
 */
import { Router, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { sessionKey } from '../sessions/session-keys.js';
import { isLive, type StoredSession } from '../sessions/session-lifetime.js';
import { readCookie, unsignSessionCookie } from '../sessions/signed-cookie.js';

export type WebhookAnswer =
  { 'X-Hasura-Role': 'anonymous' } | { 'X-Hasura-Role': 'student' | 'student_evals'; 'X-Hasura-User-Id': string };

function cookieHeaderOf(req: Request): string | undefined {
  if (req.method === 'POST') {
    const headers: unknown = (req.body as { headers?: unknown } | undefined)?.headers;
    if (headers && typeof headers === 'object') {
      for (const [k, v] of Object.entries(headers)) {
        if (k.toLowerCase() === 'cookie' && typeof v === 'string') return v;
      }
    }
    return undefined;
  }
  return req.get('cookie');
}

export async function resolveWebhook(
  config: Config,
  redis: Redis,
  cookieHeader: string | undefined,
): Promise<WebhookAnswer> {
  const raw = readCookie(cookieHeader, config.session.cookieName);
  if (raw === undefined) return { 'X-Hasura-Role': 'anonymous' };
  const sid = unsignSessionCookie(raw, config.session.secrets);
  if (!sid) throw new ApiError('invalid-session');
  let stored: string | null;
  try {
    stored = await redis.get(sessionKey(config.redisPrefix, sid));
  } catch {
    throw new ApiError('session-store-unavailable', undefined, { 'Retry-After': '1' });
  }
  if (!stored) throw new ApiError('invalid-session');
  const sess = JSON.parse(stored) as StoredSession;
  const user = sess.user;
  if (!user || !isLive(sess, config.session.absoluteLifetimeS)) throw new ApiError('invalid-session');
  const role = user.role === 'student_evals' ? 'student_evals' : 'student';
  return { 'X-Hasura-Role': role, 'X-Hasura-User-Id': String(user.id) };
}

export type WebhookOutcome = 'anonymous' | 'student' | 'student_evals' | 'refused' | 'unavailable';

export function webhookRouter(config: Config, redis: Redis, onAnswer: (o: WebhookOutcome) => void): Router {
  const r = Router();
  const handler = async (req: Request, res: Response) => {
    let answer: WebhookAnswer;
    try {
      answer = await resolveWebhook(config, redis, cookieHeaderOf(req));
    } catch (err) {
      onAnswer(err instanceof ApiError && err.code === 'invalid-session' ? 'refused' : 'unavailable');
      throw err;
    }
    onAnswer(answer['X-Hasura-Role']);
    res.set('Cache-Control', `max-age=${config.webhookMaxAgeS}`);
    res.json(answer);
  };
  r.get('/', handler);
  r.post('/', handler);
  return r;
}
