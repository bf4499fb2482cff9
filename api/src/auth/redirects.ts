/**
 * Post-login redirect targets: a path on the frontend, or an absolute http(s) URL whose origin is allow-listed.
 *
 * The decision is made on the URL a browser would follow, not on the raw text: the target is parsed with the WHATWG
 * URL parser (the browser's) against FRONTEND_URL, the resulting origin must be allow-listed, and the answer is the
 * parsed, normalised `href` — never the raw input. So the parser's quirks (ignored tab/newline: `/%09/evil.com` →
 * `//evil.com`; backslash as slash: `/\evil.com`; IDNA dots: `evil。com`) cannot turn an accepted value into another
 * host. Control characters, whitespace and backslashes are refused outright (no legitimate target needs them), as are
 * userinfo (`https://allowed@evil`) and every non-http(s) scheme (`javascript:`, `data:`).
 */
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { originMatcher } from '../middleware/origins.js';

export type RedirectCheck = (target: unknown) => string;

export const MAX_REDIRECT_LENGTH = 2048;

/** C0/C1 controls, DEL, every Unicode space or line/paragraph separator, and the backslash. */
const FORBIDDEN = /[\p{Cc}\p{Z}\\]/u;

export function redirectChecker(config: Config): RedirectCheck {
  const allowed = originMatcher(config.redirectOrigins);
  return (target) => {
    if (target === undefined || target === '') return config.frontendUrl.href;
    if (typeof target !== 'string' || target.length > MAX_REDIRECT_LENGTH || FORBIDDEN.test(target)) {
      throw new ApiError('invalid-redirect');
    }
    let u: URL;
    try {
      u = new URL(target, config.frontendUrl);
    } catch {
      throw new ApiError('invalid-redirect');
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || !allowed(u.origin)) {
      throw new ApiError('invalid-redirect');
    }
    return u.href;
  };
}
