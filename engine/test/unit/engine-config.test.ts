/** The configuration module (engine/src/config): one frozen object from the environment, validated at start. */
import { describe, expect, it } from 'vitest';
import { ConfigError, readEngineConfig, readRuntimeConfig } from '../../src/config/index.js';
import { debugEnabled } from '../../src/config/engine-vars.js';
import { HasuraEnvError } from '../../src/config/hasura-env.js';

const SECRET = 'engine-config-test-secret';

function failure(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error('expected a failure');
}

describe('readEngineConfig', () => {
  it("has Hasura's defaults and the engine's own", () => {
    const c = readEngineConfig({});
    expect(c.serve).toEqual({ port: 8080, host: '*', databaseUrl: undefined, metadataDir: undefined });
    expect([...c.server.enabledApis].sort()).toEqual(['config', 'graphql', 'metadata', 'pgdump']);
    expect(c.server.cors.kind).toBe('star');
    expect(c.server.maxBodyBytes).toBe(16 * 1024 * 1024);
    expect(c.websocket).toMatchObject({ keepAliveMs: 5000, initTimeoutMs: 3000, maxSubscriptions: 100 });
    expect(c.websocket.liveQueries).toEqual({ refetchIntervalMs: 1000, batchSize: 100 });
    expect(c.limits).toEqual({ maxFields: 2000, cacheMaxBytes: 32 * 1024 * 1024 });
    expect(c.runtime).toMatchObject({ poolSize: 10, stringifyNumeric: false, internalErrors: 'admin' });
    expect(c.actions).toMatchObject({ asyncFetchIntervalMs: 1000, asyncFetchBatchSize: 10 });
    expect(c.auth).toEqual({});
    expect(c.debug).toBe(false);
  });

  it('is frozen, with a frozen copy of the environment for actions', () => {
    const env: Record<string, string> = { TEST_ACTION_BASE: 'http://x' };
    const c = readEngineConfig(env);
    expect(Object.isFrozen(c) && Object.isFrozen(c.server) && Object.isFrozen(c.actions.env)).toBe(true);
    env['TEST_ACTION_BASE'] = 'changed';
    expect(c.actions.env['TEST_ACTION_BASE']).toBe('http://x');
  });

  it('decides who sees extensions.internal from dev mode and HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS', () => {
    const policies = (env: Record<string, string>) => {
      const c = readEngineConfig(env);
      return [c.server.internalErrors, c.runtime.internalErrors, c.websocket.internalErrors];
    };
    expect(policies({})).toEqual(['admin', 'admin', 'admin']);
    expect(policies({ HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS: 'false' })).toEqual(['none', 'admin', 'admin']);
    expect(policies({ HASURA_GRAPHQL_DEV_MODE: 'true', HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS: 'false' })).toEqual([
      'all',
      'all',
      'all',
    ]);
  });

  it('refuses unknown HASURA_GRAPHQL_* names and bad values before anything else', () => {
    const e = failure(() => readEngineConfig({ HASURA_GRAPHQL_ENABLE_CONSOL: 'true', ENGINE_MAX_FIELDS: 'x' }));
    expect(e).toBeInstanceOf(HasuraEnvError);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toBe(
      'HASURA_GRAPHQL_ENABLE_CONSOL is not a variable of Hasura v2.48 (did you mean HASURA_GRAPHQL_ENABLE_CONSOLE?)',
    );
  });

  it.each([
    ['ENGINE_MAX_BODY_BYTES', '0'],
    ['ENGINE_WS_MAX_SUBSCRIPTIONS', 'many'],
    ['ENGINE_WS_MAX_FRAME_BYTES', '-1'],
    ['ENGINE_MAX_FIELDS', '1.5'],
    ['ENGINE_CACHE_MAX_BYTES', '1e9'],
  ])('refuses %s=%s', (name, value) => {
    expect(failure(() => readEngineConfig({ [name]: value })).message).toBe(`${name}: expected a positive integer`);
  });

  it('checks the auth settings as Hasura does (the hook timeout only with a hook)', () => {
    expect(failure(() => readEngineConfig({ HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1/' })).message).toContain(
      '--auth-hook (HASURA_GRAPHQL_AUTH_HOOK) requires',
    );
    expect(readEngineConfig({ ENGINE_AUTH_HOOK_TIMEOUT_MS: 'x' }).auth).toEqual({});
    const hooked = { HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1/' };
    expect(readEngineConfig(hooked).auth.hook).toEqual({
      url: 'http://127.0.0.1:1/',
      mode: 'GET',
      sendRequestBody: true,
      timeoutMs: 30_000,
    });
    expect(failure(() => readEngineConfig({ ...hooked, ENGINE_AUTH_HOOK_TIMEOUT_MS: '0' })).message).toBe(
      'ENGINE_AUTH_HOOK_TIMEOUT_MS: expected a positive integer',
    );
    const jwt = readEngineConfig({
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: 'k'.repeat(32) }),
    }).auth.jwt;
    expect(jwt?.key.kind).toBe('static');
  });
});

describe('readRuntimeConfig', () => {
  it("reads only the runtime's settings: other variables, known or not, are not looked at", () => {
    const c = readRuntimeConfig({
      HASURA_GRAPHQL_PG_CONNECTIONS: '3',
      HASURA_GRAPHQL_UNKNOWN: 'x',
      HASURA_GRAPHQL_AUTH_HOOK_MODE: 'put',
    });
    expect(c.runtime.poolSize).toBe(3);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('refuses a bad value of a setting it reads', () => {
    expect(failure(() => readRuntimeConfig({ HASURA_GRAPHQL_PG_CONNECTIONS: '0' }))).toBeInstanceOf(HasuraEnvError);
  });
});

describe('ENGINE_DEBUG', () => {
  it('is on for any value but empty, 0 or a false word', () => {
    for (const v of ['1', 'true', 'yes', 'on']) expect(debugEnabled({ ENGINE_DEBUG: v }), v).toBe(true);
    for (const v of [undefined, '', '0', 'false', 'NO', 'f']) expect(debugEnabled({ ENGINE_DEBUG: v }), v).toBe(false);
  });
});
