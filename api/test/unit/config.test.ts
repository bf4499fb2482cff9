import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_KEYS, isPlaceholder, parseConfig, parseEvalsRules } from '../../src/config.js';

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

  it('treats an empty value as unset (docker-compose.yml passes every key as `${KEY:-}`)', () => {
    const empty = Object.fromEntries(
      Object.keys(CONFIG_KEYS)
        .filter((k) => !(k in base))
        .map((k) => [k, '']),
    );
    const c = parseConfig({ ...base, ...empty });
    expect(c.port).toBe(4000);
    expect(c.rateLimits.login).toEqual({ points: 10, duration: 900 });
    expect(c.session.cookieName).toBe('coursetable.session');
    expect(c.redisPrefix).toBe('ct:');
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

  it('refuses an http:// OIDC issuer in production (its discovery and keys could be served by anyone on the path)', () => {
    const secure = { ...base, NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'true' };
    expect(() => parseConfig({ ...secure, OIDC_ALLOW_INSECURE_HTTP: 'true' })).toThrow(
      /OIDC_ALLOW_INSECURE_HTTP: refused in production/,
    );
    expect(parseConfig({ ...secure, OIDC_ALLOW_INSECURE_HTTP: 'false' }).env).toBe('production');
    expect(() => parseConfig({ ...base, OIDC_ALLOW_INSECURE_HTTP: 'true' })).not.toThrow();
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

  describe('MAIL_FROM', () => {
    const smtp = { ...base, SMTP_URL: 'smtp://mailer:pw@127.0.0.1:2525' };

    it('keeps the default only while mail is off (no SMTP_URL: mails are dropped)', () => {
      expect(parseConfig(base).mail).toEqual({ smtpUrl: undefined, from: 'CourseTable <no-reply@coursetable.local>' });
      // docker-compose.yml passes an unset variable as an empty value
      expect(parseConfig({ ...base, MAIL_FROM: '' }).mail.from).toBe('CourseTable <no-reply@coursetable.local>');
    });

    it('is required with SMTP_URL, as a ConfigError naming MAIL_FROM', () => {
      for (const from of [undefined, '', '   ']) {
        expect(() => parseConfig({ ...smtp, MAIL_FROM: from })).toThrow(ConfigError);
        expect(() => parseConfig({ ...smtp, MAIL_FROM: from })).toThrow(/MAIL_FROM: required when SMTP_URL is set/);
      }
    });

    it('takes `Name <addr>` or a bare `addr`', () => {
      expect(parseConfig({ ...smtp, MAIL_FROM: 'CourseTable <no-reply@catalog.example.edu>' }).mail).toEqual({
        smtpUrl: 'smtp://mailer:pw@127.0.0.1:2525',
        from: 'CourseTable <no-reply@catalog.example.edu>',
      });
      expect(parseConfig({ ...smtp, MAIL_FROM: '"Course Table, Yale" <ct@example.edu>' }).mail.from).toBe(
        '"Course Table, Yale" <ct@example.edu>',
      );
      expect(parseConfig({ ...smtp, MAIL_FROM: 'no-reply@example.edu' }).mail.from).toBe('no-reply@example.edu');
    });

    it('refuses anything else, with or without SMTP_URL (header injection included)', () => {
      for (const from of [
        'CourseTable',
        'no-reply',
        'no-reply@',
        '@example.edu',
        'CourseTable <no-reply>',
        'CourseTable no-reply@example.edu',
        '<no-reply@example.edu',
        'a@b@example.edu',
        'CourseTable <x@example.edu>\r\nBcc: all@example.edu',
        'x@example.edu\nBcc: all@example.edu',
      ]) {
        expect(() => parseConfig({ ...smtp, MAIL_FROM: from }), from).toThrow(/MAIL_FROM/);
        expect(() => parseConfig({ ...base, MAIL_FROM: from }), from).toThrow(/MAIL_FROM/);
      }
    });
  });

  it('documents every key', () => {
    for (const [key, spec] of Object.entries(CONFIG_KEYS)) expect([key, spec.doc.length > 5]).toEqual([key, true]);
  });
});

/** `.env.example` as docker compose reads it: KEY=value lines, optional single or double quotes, # comments. */
function readEnvExample(): Record<string, string> {
  const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m?.[1]) continue;
    const raw = (m[2] ?? '').trim();
    out[m[1]] = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return out;
}

/** The API's environment built from a .env file as docker-compose.yml's `x-api-env` builds it. */
function apiEnv(dotenv: Record<string, string>, nodeEnv: string): Record<string, string | undefined> {
  const v = (k: string): string => dotenv[k] ?? '';
  return {
    NODE_ENV: nodeEnv,
    LOG_LEVEL: v('LOG_LEVEL'),
    API_PUBLIC_URL: `https://${v('PUBLIC_HOST')}/api`,
    API_BASE_URL: 'http://api:4096',
    FRONTEND_URL: v('FRONTEND_URL'),
    CORS_ORIGINS: v('CORS_ORIGINS'),
    ALLOWED_REDIRECT_ORIGINS: v('ALLOWED_REDIRECT_ORIGINS'),
    TRUST_PROXY: v('TRUST_PROXY'),
    DATABASE_URL: `postgres://ct_api:${v('CT_API_PASSWORD')}@pgbouncer:6432/coursetable`,
    REDIS_URL: 'redis://redis:6379/0',
    SESSION_SECRET: v('SESSION_SECRET'),
    HASURA_ACTION_SECRET: v('HASURA_ACTION_SECRET'),
    GRAPHQL_URL: 'http://graphql-engine:8080/v1/graphql',
    GRAPHQL_ADMIN_SECRET: v('HASURA_GRAPHQL_ADMIN_SECRET'),
    ADMIN_SECRET: v('API_ADMIN_SECRET'),
    CAS_BASE_URL: v('CAS_BASE_URL'),
    OIDC_ISSUER: v('OIDC_ISSUER'),
    OIDC_CLIENT_ID: v('OIDC_CLIENT_ID'),
    OIDC_CLIENT_SECRET: v('OIDC_CLIENT_SECRET'),
    SMTP_URL: v('SMTP_URL'),
    MAIL_FROM: v('MAIL_FROM'),
    EVALS_RULES: v('EVALS_RULES'),
    CATALOG_DIR: '/app/api/static/catalogs',
  };
}

describe('placeholders of .env.example', () => {
  const example = readEnvExample();
  /** The same file with every placeholder replaced by a fresh random secret, as the operator is told to. */
  const filled = Object.fromEntries(
    Object.entries(example).map(([k, val]) => [k, isPlaceholder(val) ? randomBytes(32).toString('hex') : val]),
  );

  it('recognises the markers, case-insensitively, also percent-encoded inside URLs', () => {
    for (const v of [
      'change-me',
      'CHANGE-ME',
      'change-me-at-least-32-characters-long',
      'postgres://ct_api:change-me@pgbouncer:6432/coursetable',
      'postgres://ct_api:%63hange%2Dme@pgbouncer:6432/coursetable',
      'admin:$2y$05$replace-with-a-bcrypt-hash',
      'Replace-With-Yours',
    ])
      expect([v, isPlaceholder(v)]).toEqual([v, true]);
    for (const v of [
      '',
      'changeme-not-the-marker',
      randomBytes(32).toString('hex'),
      'https://catalog.example.edu',
      '%E0%A4%A',
    ])
      expect([v, isPlaceholder(v)]).toEqual([v, false]);
  });

  it('refuses them in production, naming every key and printing no value', () => {
    let err: unknown;
    try {
      parseConfig(apiEnv(example, 'production'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const issues = (err as ConfigError).issues;
    const keys = issues.map((i) => i.split(':')[0]).sort();
    expect(keys).toEqual(['DATABASE_URL', 'GRAPHQL_ADMIN_SECRET', 'HASURA_ACTION_SECRET', 'SESSION_SECRET']);
    expect((err as ConfigError).message).not.toMatch(/change-me|replace-with|pgbouncer/i);
  });

  it('reports placeholders together with the other invalid keys', () => {
    const env = { ...apiEnv(example, 'production'), REDIS_URL: undefined };
    expect(() => parseConfig(env)).toThrow(/REDIS_URL[\s\S]*SESSION_SECRET|SESSION_SECRET[\s\S]*REDIS_URL/);
  });

  it('accepts the file filled with real random values in production', () => {
    const c = parseConfig(apiEnv(filled, 'production'));
    expect(c.env).toBe('production');
    expect(c.session.secure).toBe(true);
  });

  it('lets development and tests run on the placeholders', () => {
    expect(parseConfig(apiEnv(example, 'development')).env).toBe('development');
    expect(parseConfig(apiEnv(example, 'test')).env).toBe('test');
  });
});
