/**
 * Session lifetime rules: a rolling idle timeout (the cookie's maxAge, refreshed on every response) and an absolute
 * lifetime counted from login. The Redis TTL is the smaller of the two, so an expired session is simply gone.
 */
export interface StoredSession {
  cookie?: { expires?: string | Date | null; originalMaxAge?: number | null };
  createdAt?: number;
  user?: { id: number; role: string; method?: string };
}

export function ttlSeconds(sess: StoredSession, idleTimeoutS: number, absoluteLifetimeS: number, now = Date.now()): number {
  const expires = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : now + idleTimeoutS * 1000;
  let ms = expires - now;
  if (typeof sess.createdAt === 'number') ms = Math.min(ms, sess.createdAt + absoluteLifetimeS * 1000 - now);
  return Math.ceil(ms / 1000);
}

export function isLive(sess: StoredSession, absoluteLifetimeS: number, now = Date.now()): boolean {
  if (sess.cookie?.expires && new Date(sess.cookie.expires).getTime() <= now) return false;
  if (typeof sess.createdAt === 'number' && sess.createdAt + absoluteLifetimeS * 1000 <= now) return false;
  return true;
}
