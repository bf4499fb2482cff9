/**
 * Login CSRF defence: an external login (CAS, OIDC) is bound to the browser that started it.
 *
 * The start of a login sets a random nonce in a short-lived cookie (`<session cookie name>.login`: httpOnly,
 * SameSite=Lax so it comes back on the IdP's top-level redirect, Secure and `__Host-`-prefixed like the session cookie
 * in production) and hands the route a *binding*, the SHA-256 of the nonce. The binding travels with the login (in the
 * OIDC pending record, in the CAS service URL); the callback accepts the login only if the browser presenting it holds
 * the nonce whose hash is that binding. A callback URL the attacker obtained for his own account carries his binding,
 * which no victim browser can match, so it logs nobody in. A browser that already holds a nonce keeps it (two logins
 * in two tabs both work).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import { readCookie } from '../sessions/signed-cookie.js';

/** How long a started login may take at the IdP (seconds); also the OIDC pending record's lifetime. */
export const LOGIN_BINDING_TTL_S = 600;
const NONCE = /^[\w-]{43}$/; // 32 random bytes, base64url

export function loginCookieName(config: Config): string {
  return `${config.session.cookieName}.login`;
}

function cookieOptions(config: Config) {
  return { httpOnly: true, sameSite: 'lax', secure: config.session.secure, path: '/' } as const;
}

function bindingOf(nonce: string): string {
  return createHash('sha256').update(nonce).digest('base64url');
}

/** At the start of a login: (re)sets the nonce cookie and returns the binding to carry through the login. */
export function bindLogin(req: Request, res: Response, config: Config): string {
  const held = readCookie(req.headers.cookie, loginCookieName(config));
  const nonce = held !== undefined && NONCE.test(held) ? held : randomBytes(32).toString('base64url');
  res.cookie(loginCookieName(config), nonce, { ...cookieOptions(config), maxAge: LOGIN_BINDING_TTL_S * 1000 });
  return bindingOf(nonce);
}

/** At the callback: whether this browser holds the nonce of `binding` (the login was started here). */
export function loginBoundHere(req: Request, config: Config, binding: unknown): boolean {
  const held = readCookie(req.headers.cookie, loginCookieName(config));
  if (held === undefined || !NONCE.test(held) || typeof binding !== 'string') return false;
  const expected = Buffer.from(bindingOf(held));
  const given = Buffer.from(binding);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** After a successful login: the nonce has served. */
export function clearLoginBinding(res: Response, config: Config): void {
  res.clearCookie(loginCookieName(config), cookieOptions(config));
}
