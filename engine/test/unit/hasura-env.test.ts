/**
 * The `HASURA_GRAPHQL_*` table (engine/src/config): the graphql-engine service's environment from docker-compose.yml
 * is accepted as it stands (production runs it on the real image; `engine serve` gets the same), typos are refused
 * with the closest name, values Hasura refuses are refused, values the engine cannot honour are refused, and no
 * message carries a secret or more than one line.
 */
import { describe, expect, it } from 'vitest';
import { HASURA_VARS, HasuraEnvError, hasuraSetting, validateHasuraEnv } from '../../src/config/hasura-env.js';
import type { EnvRecord } from '../../src/config/hasura-env.js';
import { composeEngineEnv as composeEnv } from '../compose-env.js';

/** Values for the compose file's `${VAR?message}` references (what an operator's .env would hold). */
const SAMPLE: Record<string, string> = {
  FRONTEND_URL: 'https://coursetable.example',
  HASURA_ACTION_SECRET: 'an-action-secret-of-at-least-32-characters',
};
const composeEngineEnv = (): Record<string, string> => composeEnv(SAMPLE);

function problem(env: EnvRecord): string {
  try {
    validateHasuraEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(HasuraEnvError);
    const msg = (e as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected the environment to be refused');
}

describe('the compose graphql-engine service environment', () => {
  const env = composeEngineEnv();

  it('sets the variables this table was written for', () => {
    expect(Object.keys(env).filter((k) => k.startsWith('HASURA_GRAPHQL_'))).toEqual(
      expect.arrayContaining([
        'HASURA_GRAPHQL_DATABASE_URL',
        'HASURA_GRAPHQL_METADATA_DATABASE_URL',
        'HASURA_GRAPHQL_METADATA_DIR',
        'HASURA_GRAPHQL_ADMIN_SECRET',
        'HASURA_GRAPHQL_AUTH_HOOK',
        'HASURA_GRAPHQL_ENABLED_APIS',
        'HASURA_GRAPHQL_USE_PREPARED_STATEMENTS',
        'HASURA_GRAPHQL_ENABLED_LOG_TYPES',
      ]),
    );
  });

  it.each(Object.entries(composeEngineEnv()))('accepts %s as compose sets it', (name, value) => {
    expect(() => validateHasuraEnv({ [name]: value })).not.toThrow();
  });

  it('parses the whole environment with Hasura’s meaning', () => {
    const s = validateHasuraEnv(env);
    expect(s.HASURA_GRAPHQL_ENABLED_APIS).toEqual(['graphql', 'metadata']);
    expect(s.HASURA_GRAPHQL_ENABLE_CONSOLE).toBe(false);
    expect(s.HASURA_GRAPHQL_DEV_MODE).toBe(false);
    expect(s.HASURA_GRAPHQL_USE_PREPARED_STATEMENTS).toBe(false);
    expect(s.HASURA_GRAPHQL_AUTH_HOOK_MODE).toBe('GET');
    expect(s.HASURA_GRAPHQL_SERVER_PORT).toBe(8080);
    expect(s.HASURA_GRAPHQL_METADATA_DIR).toBe('/hasura-metadata');
    expect(s.HASURA_GRAPHQL_METADATA_DATABASE_URL).toMatch(/^postgres:\/\/ct_owner:.*@db:5432\/coursetable$/);
    expect(s.HASURA_GRAPHQL_DATABASE_URL).toMatch(/@pgbouncer:6432\/coursetable$/);
    expect(s.HASURA_GRAPHQL_CORS_DOMAIN).toBe('https://coursetable.example');
    expect(s.HASURA_GRAPHQL_ENABLED_LOG_TYPES).toEqual(['http-log', 'startup', 'webhook-log', 'websocket-log']);
  });

  it('leaves other variables alone (metadata {{API_BASE_URL}}, HASURA_ACTION_SECRET, PATH)', () => {
    expect(() =>
      validateHasuraEnv({ API_BASE_URL: 'x', HASURA_ACTION_SECRET: '', PATH: '/bin', HASURA: '?' }),
    ).not.toThrow();
  });
});

describe('defaults', () => {
  it('are Hasura’s where the engine honours the variable', () => {
    const s = validateHasuraEnv({});
    expect(s.HASURA_GRAPHQL_SERVER_HOST).toBe('*');
    expect(s.HASURA_GRAPHQL_SERVER_PORT).toBe(8080);
    expect(s.HASURA_GRAPHQL_ENABLE_CONSOLE).toBe(false);
    expect(s.HASURA_GRAPHQL_ENABLED_APIS).toEqual(['config', 'graphql', 'metadata', 'pgdump']);
    expect(s.HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS).toBe(true);
    expect(s.HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL).toBe(1000);
    expect(s.HASURA_GRAPHQL_METADATA_DATABASE_URL).toBeUndefined();
    expect(hasuraSetting({}, 'HASURA_GRAPHQL_AUTH_HOOK_MODE')).toBe('GET');
  });

  it('every entry has a note and its default passes its own checks', () => {
    for (const [name, s] of Object.entries(HASURA_VARS)) {
      expect(name).toMatch(/^HASURA_GRAPHQL_[A-Z0-9_]+$/);
      expect(s.note.length, name).toBeGreaterThan(0);
      const d: unknown = s.default;
      const raw = Array.isArray(d)
        ? d.join(',')
        : typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean'
          ? String(d)
          : undefined;
      if (raw !== undefined && raw !== '') expect(() => validateHasuraEnv({ [name]: raw }), name).not.toThrow();
    }
  });
});

describe('unknown names', () => {
  it.each([
    ['HASURA_GRAPHQL_ENABLE_CONSOL', 'HASURA_GRAPHQL_ENABLE_CONSOLE'],
    ['HASURA_GRAPHQL_ADMIN_SECERT', 'HASURA_GRAPHQL_ADMIN_SECRET'],
    ['HASURA_GRAPHQL_CONSOLE_ENABLE', 'HASURA_GRAPHQL_ENABLE_CONSOLE'],
    ['HASURA_GRAPHQL_CORS_DOMAINS', 'HASURA_GRAPHQL_CORS_DOMAIN'],
    ['HASURA_GRAPHQL_ENABLED_API', 'HASURA_GRAPHQL_ENABLED_APIS'],
    ['HASURA_GRAPHQL_METADATA_DATABASE_URI', 'HASURA_GRAPHQL_METADATA_DATABASE_URL'],
    ['HASURA_GRAPHQL_PG_POOL_TIMOUT', 'HASURA_GRAPHQL_PG_POOL_TIMEOUT'],
  ])('%s → did you mean %s?', (typo, near) => {
    expect(problem({ [typo]: 'true' })).toBe(`${typo} is not a variable of Hasura v2.48 (did you mean ${near}?)`);
  });

  it('without a close name, points to the list', () => {
    expect(problem({ HASURA_GRAPHQL_FROBNICATE_EVERYTHING: '1' })).toBe(
      'HASURA_GRAPHQL_FROBNICATE_EVERYTHING is not a variable of Hasura v2.48 (see engine/README.md)',
    );
  });
});

describe('invalid values of known variables', () => {
  it.each(['maybe', '1', '0', '', ' true', 'on'])('boolean %j', (v) => {
    expect(problem({ HASURA_GRAPHQL_DEV_MODE: v })).toBe(
      `HASURA_GRAPHQL_DEV_MODE: invalid value ${JSON.stringify(v)}: expected a boolean (true, t, yes, y / false, f, no, n; any case)`,
    );
  });

  it.each(['TRUE', 't', 'Yes', 'y', 'F', 'no', 'N'])('accepts Hasura’s boolean %j', (v) => {
    expect(() => validateHasuraEnv({ HASURA_GRAPHQL_DEV_MODE: v })).not.toThrow();
  });

  it.each([
    ['HASURA_GRAPHQL_ENABLED_APIS', 'graphql,bogus', 'a comma-separated list of config, developer, graphql'],
    ['HASURA_GRAPHQL_ENABLED_APIS', 'graphql,', 'a comma-separated list of'],
    ['HASURA_GRAPHQL_ENABLED_APIS', '', 'a comma-separated list of'],
    ['HASURA_GRAPHQL_ENABLED_LOG_TYPES', 'startup,query-logs', 'a comma-separated list of startup, http-log'],
    ['HASURA_GRAPHQL_EXPERIMENTAL_FEATURES', 'streaming', 'a comma-separated list of inherited_roles'],
    ['HASURA_GRAPHQL_LOG_LEVEL', 'verbose', 'one of debug, info, warn, error'],
    ['HASURA_GRAPHQL_AUTH_HOOK_MODE', 'get', 'one of GET, POST'],
    ['HASURA_GRAPHQL_SERVER_PORT', '70000', 'a port number between 0 and 65535'],
    ['HASURA_GRAPHQL_SERVER_PORT', 'http', 'a port number between 0 and 65535'],
    ['HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL', '-1', 'a non-negative integer'],
    ['HASURA_GRAPHQL_PG_CONNECTIONS', '1.5', 'a non-negative integer'],
    ['HASURA_GRAPHQL_CORS_DOMAIN', 'coursetable.example', '*, or comma-separated origins'],
    ['HASURA_GRAPHQL_UNAUTHORIZED_ROLE', '', 'a non-empty value'],
  ])('%s=%j', (name, v, accepted) => {
    const msg = problem({ [name]: v });
    expect(msg).toContain(`${name}: invalid value ${JSON.stringify(v)}: expected ${accepted}`);
  });

  it('accepts lists with blanks and any case, as Hasura', () => {
    const s = validateHasuraEnv({
      HASURA_GRAPHQL_ENABLED_APIS: ' GraphQL , metadata',
      HASURA_GRAPHQL_ENABLED_LOG_TYPES: 'startup, http-log',
      HASURA_GRAPHQL_CORS_DOMAIN: 'https://a.example, http://*.b.example:3000',
    });
    expect(s.HASURA_GRAPHQL_ENABLED_APIS).toEqual(['graphql', 'metadata']);
    expect(s.HASURA_GRAPHQL_ENABLED_LOG_TYPES).toEqual(['http-log', 'startup']);
  });

  it('reports the first problem and how many more, on one line', () => {
    expect(
      problem({ HASURA_GRAPHQL_DEV_MODE: 'x', HASURA_GRAPHQL_ENABLE_CONSOL: 'true', HASURA_GRAPHQL_LOG_LEVEL: 'x' }),
    ).toMatch(/^HASURA_GRAPHQL_DEV_MODE: invalid value "x": .*; and 2 more HASURA_GRAPHQL_\* problem\(s\)$/);
  });
});

describe('values this engine cannot honour', () => {
  it.each([
    [
      'HASURA_GRAPHQL_ENABLE_ALLOWLIST',
      'true',
      'HASURA_GRAPHQL_ENABLE_ALLOWLIST="true" is not supported by this engine: the allow list is not enforced (only false is accepted)',
    ],
    ['HASURA_GRAPHQL_TX_ISOLATION', 'serializable', 'only read-committed is accepted'],
    ['HASURA_GRAPHQL_DEFAULT_NAMING_CONVENTION', 'graphql-default', 'only hasura-default is accepted'],
    ['HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS', 'false', 'only true is accepted'],
    [
      'HASURA_GRAPHQL_EXPERIMENTAL_FEATURES',
      'streaming_subscriptions,naming_convention',
      'HASURA_GRAPHQL_EXPERIMENTAL_FEATURES="streaming_subscriptions,naming_convention" is not supported by this engine: the feature(s) naming_convention are not implemented',
    ],
    ['HASURA_GRAPHQL_MIGRATIONS_DIR', '/migrations', 'the engine applies no Hasura migrations'],
    ['HASURA_GRAPHQL_PG_CONNECTIONS', '0', 'a pool of 0 connections cannot serve anything'],
    [
      'HASURA_GRAPHQL_METADATA_DATABASE_URL',
      'dynamic-from-file:///run/secrets/db',
      'dynamic-from-file:// is not supported',
    ],
    ['HASURA_GRAPHQL_REDIS_URL', 'redis://cache:6379', 'Enterprise Edition'],
  ])('%s=%j', (name, v, msg) => {
    expect(problem({ [name]: v })).toContain(msg);
  });

  it.each([
    ['HASURA_GRAPHQL_ENABLE_ALLOWLIST', 'false'],
    ['HASURA_GRAPHQL_TX_ISOLATION', 'read-committed'],
    ['HASURA_GRAPHQL_EXPERIMENTAL_FEATURES', 'streaming_subscriptions'],
    ['HASURA_GRAPHQL_MIGRATIONS_DIR', '/hasura-migrations'],
    ['HASURA_GRAPHQL_ENABLE_PERSISTED_QUERIES', 'false'],
    ['HASURA_GRAPHQL_ENABLE_TELEMETRY', 'true'],
    ['HASURA_GRAPHQL_USE_PREPARED_STATEMENTS', 'true'],
  ])('accepts %s=%j (the default, or a value without effect)', (name, v) => {
    expect(() => validateHasuraEnv({ [name]: v })).not.toThrow();
  });
});

describe('secrets', () => {
  it.each([
    ['HASURA_GRAPHQL_JWT_SECRET', '{"type":"HS256","key":"sekrit-key'],
    ['HASURA_GRAPHQL_ADMIN_SECRETS', '["sekrit-one"]'],
    ['HASURA_GRAPHQL_METADATA_DATABASE_URL', 'mysql://owner:sekrit-pw@db/x'],
    ['HASURA_GRAPHQL_DATABASE_URL', 'pgsql://u:sekrit-pw@pgbouncer/x'],
  ])('%s: the value never appears', (name, v) => {
    const msg = problem({ [name]: v });
    expect(msg).toContain(name);
    expect(msg).not.toContain('sekrit');
  });

  it('an empty admin secret is refused rather than meaning "no auth"', () => {
    expect(problem({ HASURA_GRAPHQL_ADMIN_SECRET: '' })).toBe(
      'HASURA_GRAPHQL_ADMIN_SECRET: invalid value (value not shown): expected a non-empty value',
    );
  });
});
