import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

const base = {
  API_PUBLIC_URL: 'http://localhost:4000',
  FRONTEND_URL: 'http://localhost:3000',
  DATABASE_URL: 'postgres://ct_api:x@127.0.0.1:6432/coursetable',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  HASURA_ACTION_SECRET: 'y'.repeat(32),
};
const production = { ...base, NODE_ENV: 'production', API_PUBLIC_URL: 'https://api.coursetable.com' };

describe('session cookie name (__Host- prefix against cookie tossing)', () => {
  it('prefixes the session cookie with __Host- in production (secure cookies)', () => {
    expect(parseConfig(production).session.cookieName).toBe('__Host-coursetable.session');
    expect(parseConfig({ ...production, SESSION_COOKIE_NAME: 'ct' }).session.cookieName).toBe('__Host-ct');
  });

  it('prefixes any secure deployment, and does not double an operator-given prefix', () => {
    expect(parseConfig({ ...base, API_PUBLIC_URL: 'https://api.x.test' }).session.cookieName).toBe(
      '__Host-coursetable.session',
    );
    expect(parseConfig({ ...production, SESSION_COOKIE_NAME: '__Host-ct' }).session.cookieName).toBe('__Host-ct');
  });

  it('keeps the plain name on a plain-http local run (a browser drops __Host- cookies without Secure)', () => {
    expect(parseConfig(base).session.cookieName).toBe('coursetable.session');
  });

  it('refuses a __Host-/__Secure- name without secure cookies', () => {
    for (const name of ['__Host-ct', '__Secure-ct']) {
      expect(() => parseConfig({ ...base, SESSION_COOKIE_NAME: name })).toThrow(ConfigError);
    }
  });
});
