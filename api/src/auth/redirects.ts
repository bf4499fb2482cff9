/**
 * Post-login redirect targets: a path on the frontend, or an absolute http(s) URL whose origin is allow-listed.
 * Anything else (other hosts, `//evil`, `javascript:`) is refused: no open redirect.
 */
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { originMatcher } from '../middleware/origins.js';

export type RedirectCheck = (target: unknown) => string;

export function redirectChecker(config: Config): RedirectCheck {
  const allowed = originMatcher(config.redirectOrigins);
  return (target) => {
    if (target === undefined || target === '') return config.frontendUrl.href;
    if (typeof target !== 'string' || target.length > 2048) throw new ApiError('invalid-redirect');
    if (target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')) {
      return new URL(target, config.frontendUrl).href;
    }
    let u: URL;
    try {
      u = new URL(target);
    } catch {
      throw new ApiError('invalid-redirect');
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || !allowed(u.origin)) {
      throw new ApiError('invalid-redirect');
    }
    return u.href;
  };
}
