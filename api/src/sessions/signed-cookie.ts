/**
 * Reading express-session's signed cookie without express-session (the auth webhook's hot path).
 * Format: `s:<sid>.<base64 HMAC-SHA256(sid, secret) without padding>`, the cookie-signature scheme.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function sign(sid: string, secret: string): string {
  return `${sid}.${createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '')}`;
}

/** The session id if `raw` (URL-decoded cookie value) is correctly signed by one of `secrets`, else false. */
export function unsignSessionCookie(raw: string, secrets: readonly string[]): string | false {
  if (!raw.startsWith('s:')) return false;
  const value = raw.slice(2);
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return false;
  const sid = value.slice(0, dot);
  const given = Buffer.from(value);
  for (const secret of secrets) {
    const expected = Buffer.from(sign(sid, secret));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return sid;
  }
  return false;
}

/** Value of cookie `name` from a Cookie header (first occurrence), URL-decoded; undefined if absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let v = part.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  }
  return undefined;
}
