import { describe, expect, it } from 'vitest';
import { redirectChecker } from '../../src/auth/redirects.js';
import { parseConfig } from '../../src/config.js';
import { ApiError } from '../../src/errors.js';
import { OPEN_REDIRECT_BYPASSES, onSite, SAFE_REDIRECTS } from '../helpers/open-redirects.js';

const FRONTEND = 'https://coursetable.test';
const config = parseConfig({
  API_PUBLIC_URL: 'https://api.coursetable.test',
  FRONTEND_URL: FRONTEND,
  ALLOWED_REDIRECT_ORIGINS: 'https://*.coursetable.test',
  DATABASE_URL: 'postgres://ct_api:x@127.0.0.1:6432/coursetable',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  HASURA_ACTION_SECRET: 'y'.repeat(32),
});
const check = redirectChecker(config);
const allowed = [FRONTEND, 'https://*.coursetable.test'];

/** What the check makes of a target: the Location it would send, or the refusal code. */
function outcome(target: string): { location: string } | { refused: string } {
  try {
    return { location: check(target) };
  } catch (err) {
    if (err instanceof ApiError) return { refused: err.code };
    throw err;
  }
}

describe('redirectChecker (open redirect)', () => {
  it.each(OPEN_REDIRECT_BYPASSES)('never yields an off-site Location for the bypass %j', (target) => {
    const r = outcome(target);
    if ('refused' in r) {
      expect(r.refused).toBe('invalid-redirect');
      return;
    }
    // The Location a browser follows, resolved as it would be (relative to the API's own URL).
    expect(onSite(r.location, config.publicUrl, allowed), `${JSON.stringify(target)} → Location ${r.location}`).toBe(
      true,
    );
  });

  it('refuses the tab/newline-in-path bypass /%09/evil.com that the URL parser turns into //evil.com', () => {
    expect(outcome('/\t/evil.com')).toEqual({ refused: 'invalid-redirect' });
    expect(outcome('/\n/evil.com')).toEqual({ refused: 'invalid-redirect' });
    expect(outcome('/\r/evil.com')).toEqual({ refused: 'invalid-redirect' });
  });

  it.each(SAFE_REDIRECTS)('keeps the on-site target %j, normalised', (target, expected) => {
    expect(outcome(target)).toEqual({ location: expected.replace('{F}', FRONTEND) });
  });

  it('answers the frontend for an absent target and refuses non-strings and oversized ones', () => {
    expect(check(undefined)).toBe(`${FRONTEND}/`);
    expect(check('')).toBe(`${FRONTEND}/`);
    expect(() => check(['/a', '/b'])).toThrow(ApiError);
    expect(() => check(`/${'a'.repeat(2048)}`)).toThrow(ApiError);
  });
});
