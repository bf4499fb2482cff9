/**
 * Session lifetime rules: a rolling idle timeout and an absolute lifetime counted from login.
 *
 * The idle timeout lives in Redis: every response re-arms the key's TTL (express-session `rolling` + store touch),
 * so a key that exists has not been idle too long. The stored JSON's `cookie.expires` is NOT refreshed by a touch
 * and must not be used to judge expiry. The absolute lifetime is `createdAt` + SESSION_ABSOLUTE_LIFETIME_S, and the
 * TTL never reaches past it, so an expired session is simply gone.
 */
export interface StoredSession {
  cookie?: { expires?: string | Date | null; originalMaxAge?: number | null };
  createdAt?: number;
  user?: { id: number; role: string; method?: string };
}

export function ttlSeconds(
  sess: StoredSession,
  idleTimeoutS: number,
  absoluteLifetimeS: number,
  now = Date.now(),
): number {
  let ms = idleTimeoutS * 1000;
  if (typeof sess.createdAt === 'number') ms = Math.min(ms, sess.createdAt + absoluteLifetimeS * 1000 - now);
  return Math.ceil(ms / 1000);
}

export function isLive(sess: StoredSession, absoluteLifetimeS: number, now = Date.now()): boolean {
  return !(typeof sess.createdAt === 'number' && sess.createdAt + absoluteLifetimeS * 1000 <= now);
}
