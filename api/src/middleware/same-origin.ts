/**
 * CSRF defence for state-changing routes (POST/PUT/PATCH/DELETE). A browser request is accepted only if its Origin is
 * the API's own or allow-listed, or, without Origin, if Sec-Fetch-Site says same-origin/none. Requests with neither
 * header are not from a browser (curl, server-to-server) and cannot carry a victim's cookie in a CSRF attack… except
 * old browsers; those are covered by sameSite=lax cookies.
 */
import type { RequestHandler } from 'express';
import { ApiError } from '../errors.js';
import type { OriginMatcher } from './origins.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOrigin(ownOrigin: string, allowed: OriginMatcher): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    if (origin !== undefined && origin !== 'null') {
      if (origin === ownOrigin || allowed(origin)) return next();
      return next(new ApiError('cross-origin-request'));
    }
    if (origin === 'null') return next(new ApiError('cross-origin-request'));
    if (site === undefined || site === 'same-origin' || site === 'none') return next();
    return next(new ApiError('cross-origin-request'));
  };
}
