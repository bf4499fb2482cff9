import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_KEYS, parseConfig, parseEvalsRules } from '../../src/config.js';

const base = {
  API_PUBLIC_URL: 'http://localhost:4000',
  FRONTEND_URL: 'http://localhost:3000',
  DATABASE_URL: 'postgres://ct_api:x@127.0.0.1:6432/coursetable',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  HASURA_ACTION_SECRET: 'y'.repeat(32),
};

describe('parseConfig', () => {
  it('applies documented defaults and freezes the result', () => {
    const c = parseConfig(base);
    expect(c.port).toBe(4000);
    expect(c.session.cookieName).toBe('coursetable.session');
    expect(c.session.secure).toBe(false); // plain-http localhost
    expect(c.corsOrigins).toEqual(['http://localhost:3000']);
    expect(Object.isFrozen(c.session)).toBe(true);
  });

  it('uses secure cookies for an https public URL', () => {
    expect(parseConfig({ ...base, API_PUBLIC_URL: 'https://api.coursetable.com' }).session.secure).toBe(true);
  });

  it('fails fast listing every missing or invalid key', () => {
    try {
      parseConfig({ API_PUBLIC_URL: 'not a url', SESSION_SECRET: 'short' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as ConfigError).message;
      for (const key of [
        'API_PUBLIC_URL',
        'FRONTEND_URL',
        'DATABASE_URL',
        'REDIS_URL',
        'SESSION_SECRET',
        'HASURA_ACTION_SECRET',
      ]) {
        expect(msg).toContain(key);
      }
    }
  });

  it('refuses insecure cookies in production and an absolute lifetime shorter than the idle timeout', () => {
    expect(() => parseConfig({ ...base, NODE_ENV: 'production' })).toThrow(/SESSION_COOKIE_SECURE/);
    expect(() => parseConfig({ ...base, SESSION_IDLE_TIMEOUT_S: '100', SESSION_ABSOLUTE_LIFETIME_S: '10' })).toThrow(
      /ABSOLUTE/,
    );
  });

  it('parses rate limits and evaluation rules', () => {
    const c = parseConfig({
      ...base,
      RATE_LIMIT_LOGIN: '5/60',
      EVALS_RULES: 'email-domain:yale.edu, med.yale.edu; attribute:affiliation=student|faculty',
    });
    expect(c.rateLimits.login).toEqual({ points: 5, duration: 60 });
    expect(c.evalsRules).toEqual([
      { kind: 'email-domain', domains: ['yale.edu', 'med.yale.edu'] },
      { kind: 'attribute', name: 'affiliation', values: ['student', 'faculty'] },
    ]);
    expect(() => parseEvalsRules('group:x')).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, RATE_LIMIT_LOGIN: 'ten' })).toThrow(/RATE_LIMIT_LOGIN/);
  });

  it('documents every key', () => {
    for (const [key, spec] of Object.entries(CONFIG_KEYS)) expect([key, spec.doc.length > 5]).toEqual([key, true]);
  });
});
