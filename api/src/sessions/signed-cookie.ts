/**
 * Reading express-session's signed cookie without express-session (the auth webhook's hot path), with the libraries
 * express-session itself uses: `cookie` to parse the header and `cookie-signature` for the value
 * `s:<sid>.<base64 HMAC-SHA256(sid, secret) without padding>` (compared in constant time).
 */
import { parse } from 'cookie';
import signature from 'cookie-signature';

export function sign(sid: string, secret: string): string {
  return signature.sign(sid, secret);
}

/** The session id if `raw` (URL-decoded cookie value) is correctly signed by one of `secrets`, else false. */
export function unsignSessionCookie(raw: string, secrets: readonly string[]): string | false {
  if (!raw.startsWith('s:')) return false;
  const value = raw.slice(2);
  if (value.lastIndexOf('.') <= 0) return false;
  for (const secret of secrets) {
    const sid = signature.unsign(value, secret);
    if (sid !== false) return sid;
  }
  return false;
}

/** Value of cookie `name` from a Cookie header (first occurrence), URL-decoded; undefined if absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  return header ? parse(header)[name] : undefined;
}
