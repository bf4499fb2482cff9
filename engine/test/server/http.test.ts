/**
 * The HTTP surface over the real runtime and a real Postgres (a clone of the migrated, seeded template): Hasura's
 * endpoints, envelopes, status codes, auth modes end to end, batching, GET, healthz, version, metadata API access
 * control, enabled APIs, CORS, console, and bad input that must never produce a 500 or a crash.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../../stack/src/testing.js';
import WebSocket, { WebSocketServer } from 'ws';
import { connectionInitHeaders, fromRawHeaders } from '../../src/auth/headers.js';
import { createRuntime } from '../../src/execute/engine.js';
import { startEngineServer, startHttpServer, type EngineServer } from '../../src/server/start.js';
import type { HasuraMetadata } from '../../src/metadata/types.js';
import { json, startPeer, type Peer } from './peers.js';

const SECRET = 'http-test-admin-secret';
const HS_KEY = 'http-test-hs256-key-with-32-or-more-characters';

const metadata = {
  version: 3,
  sources: [
    {
      name: 'default',
      kind: 'postgres',
      configuration: { connection_info: { database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' } } },
      tables: [
        {
          table: { schema: 'public', name: 'seasons' },
          select_permissions: [
            { role: 'anonymous', permission: { columns: ['season_code', 'term', 'year'], filter: {} } },
            {
              role: 'student',
              permission: { columns: ['season_code', 'year'], filter: { year: { _eq: 'X-Hasura-Year' } } },
            },
          ],
        },
      ],
    },
  ],
} as unknown as HasuraMetadata;

interface Resp {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

async function call(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | object } = {},
): Promise<Resp> {
  const method = init.method ?? (init.body !== undefined ? 'POST' : 'GET');
  const body =
    init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const r = await fetch(base + path, { method, headers: init.headers ?? {}, ...(body !== undefined ? { body } : {}) });
  const text = await r.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: r.status, headers: r.headers, text, body: parsed };
}

const gqlErr = (code: string, message: string, path = '$'): unknown => ({
  errors: [{ extensions: { path, code }, message }],
});

let db: TestDb;
let seasons: Array<{ season_code: string; term: string; year: number }>;
const servers: EngineServer[] = [];

async function engine(env: Record<string, string>): Promise<EngineServer> {
  const s = await startEngineServer({
    metadata,
    databaseUrl: db.directUrl('ct_engine'),
    env,
    port: 0,
    log: () => undefined,
  });
  servers.push(s);
  return s;
}

beforeAll(async () => {
  db = await cloneTemplate();
  const c = new pg.Client({ connectionString: db.directUrl('ct_owner') });
  await c.connect();
  seasons = (
    await c.query<{ season_code: string; term: string; year: number }>(
      'select season_code, term, year from seasons order by season_code',
    )
  ).rows;
  await c.end();
  expect(seasons.length).toBeGreaterThan(1);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await db.drop();
});

describe('admin secret + unauthorized role', () => {
  let s: EngineServer;
  beforeAll(async () => {
    s = await engine({ HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' });
  });

  it('serves /healthz and /v1/version', async () => {
    const h = await call(s.url, '/healthz');
    expect([h.status, h.text]).toEqual([200, 'OK']);
    expect((await call(s.url, '/hasura/healthz')).text).toBe('OK');
    const v = await call(s.url, '/v1/version');
    expect(v.body).toEqual({ version: 'v2.48.10' });
    expect(v.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('without a secret uses the unauthorized role', async () => {
    const r = await call(s.url, '/v1/graphql', {
      body: { query: '{ seasons(order_by: {season_code: asc}) { season_code term year } }' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { seasons } });
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('with the secret and a role header acts as that role with header variables', async () => {
    const year = seasons[0]?.year ?? 0;
    const r = await call(s.url, '/v1/graphql', {
      headers: { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student', 'X-Hasura-Year': String(year) },
      body: { query: '{ seasons(order_by: {season_code: asc}) { season_code year } }' },
    });
    expect(r.body).toEqual({
      data: {
        seasons: seasons.filter((x) => x.year === year).map(({ season_code, year: y }) => ({ season_code, year: y })),
      },
    });
  });

  it('a wrong secret is an HTTP 200 error on /v1/graphql, a real 401 elsewhere', async () => {
    const headers = { 'x-hasura-admin-secret': 'wrong' };
    const g = await call(s.url, '/v1/graphql', { headers, body: { query: '{ seasons { year } }' } });
    expect([g.status, g.body]).toEqual([
      200,
      gqlErr('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key'),
    ]);
    const a = await call(s.url, '/v1alpha1/graphql', { headers, body: { query: '{ seasons { year } }' } });
    expect([a.status, a.body]).toEqual([
      401,
      gqlErr('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key'),
    ]);
    const m = await call(s.url, '/v1/metadata', { headers, body: { type: 'export_metadata', args: {} } });
    expect([m.status, m.body]).toEqual([
      401,
      { path: '$', error: 'invalid x-hasura-admin-secret/x-hasura-access-key', code: 'access-denied' },
    ]);
  });

  it('passes the client x-request-id through', async () => {
    const r = await call(s.url, '/v1/version', { headers: { 'x-request-id': 'abc-123' } });
    expect(r.headers.get('x-request-id')).toBe('abc-123');
  });

  it('batches: an array in, an array out, errors inline', async () => {
    const r = await call(s.url, '/v1/graphql', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: [{ query: '{ seasons(limit: 1, order_by: {season_code: asc}) { season_code } }' }, { query: '{ nope }' }],
    });
    expect(r.status).toBe(200);
    const arr = r.body as Array<Record<string, unknown>>;
    expect(arr).toHaveLength(2);
    expect(arr[0]).toEqual({ data: { seasons: [{ season_code: seasons[0]?.season_code }] } });
    expect((arr[1]?.['errors'] as Array<{ extensions: { code: string } }>)[0]?.extensions.code).toBe(
      'validation-failed',
    );
  });

  it('/v1alpha1/graphql keeps real statuses for errors; /v1/graphql answers 200', async () => {
    const headers = { 'x-hasura-admin-secret': SECRET };
    const a = await call(s.url, '/v1alpha1/graphql', { headers, body: { query: '{ nope }' } });
    expect(a.status).toBe(400);
    expect((a.body as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe(
      'validation-failed',
    );
    const v1 = await call(s.url, '/v1/graphql', { headers, body: { query: '{ nope }' } });
    expect(v1.status).toBe(200);
    const ok = await call(s.url, '/v1alpha1/graphql', { headers, body: { query: '{ seasons(limit: 1) { year } }' } });
    expect(ok.status).toBe(200);
  });

  it('serves concurrent requests independently', async () => {
    const year = seasons[0]?.year ?? 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(s.url, '/v1/graphql', {
          headers:
            i % 2 === 0
              ? { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student', 'x-hasura-year': String(year) }
              : {},
          body: { query: '{ seasons { year } }' },
        }),
      ),
    );
    for (const [i, r] of results.entries()) {
      const ys = (r.body as { data: { seasons: Array<{ year: number }> } }).data.seasons;
      expect(ys.length).toBe(i % 2 === 0 ? seasons.filter((x) => x.year === year).length : seasons.length);
    }
  });

  it('refuses GET /v1/graphql like Hasura OSS (PersistedQueryNotSupported, after auth)', async () => {
    const q = encodeURIComponent(
      'query Q($n: Int!) { seasons(limit: $n, order_by: {season_code: asc}) { season_code } }',
    );
    const r = await call(s.url, `/v1/graphql?query=${q}&variables=${encodeURIComponent('{"n":1}')}`, {
      headers: { 'x-hasura-admin-secret': SECRET },
    });
    expect([r.status, r.body]).toEqual([200, gqlErr('not-supported', 'PersistedQueryNotSupported')]);
    const wrong = await call(s.url, `/v1/graphql?query=${q}`, { headers: { 'x-hasura-admin-secret': 'nope' } });
    expect(wrong.body).toEqual(gqlErr('access-denied', 'invalid x-hasura-admin-secret/x-hasura-access-key'));
  });

  it('answers malformed and hostile bodies with Hasura errors, never a 500', async () => {
    const headers = { 'x-hasura-admin-secret': SECRET };
    const bad = await call(s.url, '/v1/graphql', { headers, body: '{"query": ' });
    expect([bad.status, bad.body]).toEqual([200, gqlErr('invalid-json', 'Error in $: not enough input')]);
    const junk = await call(s.url, '/v1/graphql', { headers, body: 'hello' });
    expect((junk.body as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe(
      'invalid-json',
    );
    const noQuery = await call(s.url, '/v1/graphql', { headers, body: { variables: {} } });
    expect(noQuery.body).toEqual(gqlErr('parse-failed', 'key "query" not found'));
    const wrongType = await call(s.url, '/v1/graphql', { headers, body: { query: 1 } });
    expect(wrongType.body).toEqual(
      gqlErr('parse-failed', 'parsing Text failed, expected String, but encountered Number', '$.query'),
    );
    const badVars = await call(s.url, '/v1/graphql', {
      headers,
      body: { query: '{ seasons { year } }', variables: [1] },
    });
    expect((badVars.body as { errors: Array<{ extensions: { path: string } }> }).errors[0]?.extensions.path).toBe(
      '$.variables',
    );
    // 1 MB string values, deep JSON nesting, deep GraphQL nesting
    const big = await call(s.url, '/v1/graphql', {
      headers,
      body: {
        query: 'query($s: String!) { seasons(where: {term: {_eq: $s}}) { year } }',
        variables: { s: 'x'.repeat(1024 * 1024) },
      },
    });
    expect([big.status, big.body]).toEqual([200, { data: { seasons: [] } }]);
    const deepJson = await call(s.url, '/v1/graphql', { headers, body: '['.repeat(10000) + ']'.repeat(10000) });
    expect(deepJson.status).toBe(200);
    expect((deepJson.body as { errors: unknown[] }).errors).toHaveLength(1);
    const deepGql = await call(s.url, '/v1/graphql', {
      headers,
      body: { query: `{ seasons ${'{ a '.repeat(10000)}${'}'.repeat(10000)} }` },
    });
    expect(deepGql.status).toBe(200);
    expect((deepGql.body as { errors: unknown[] }).errors).toHaveLength(1);
    const sqlish = await call(s.url, '/v1/graphql', {
      headers,
      body: { query: `{ seasons(where: {term: {_eq: "x'; drop table seasons; --"}}) { year } }` },
    });
    expect(sqlish.body).toEqual({ data: { seasons: [] } });
    // the engine is still healthy
    expect((await call(s.url, '/healthz')).text).toBe('OK');
  });

  it('rejects bodies over the size limit with 413', async () => {
    const r = await call(s.url, '/v1/graphql', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: JSON.stringify({ query: 'x'.repeat(17 * 1024 * 1024) }),
    });
    expect(r.status).toBe(413);
  });

  it("keeps the metadata API admin-only with Hasura's codes", async () => {
    const anon = await call(s.url, '/v1/metadata', { body: { type: 'export_metadata', args: {} } });
    expect([anon.status, anon.body]).toEqual([
      400,
      { path: '$.args', error: 'restricted access : admin only', code: 'access-denied' },
    ]);
    const asRole = await call(s.url, '/v1/metadata', {
      headers: { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student' },
      body: { type: 'export_metadata', args: {} },
    });
    expect(asRole.status).toBe(400);
    const exp = await call(s.url, '/v1/metadata', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: { type: 'export_metadata', args: {} },
    });
    expect([exp.status, (exp.body as { version: number }).version]).toEqual([200, 3]);
    const v2 = await call(s.url, '/v1/metadata', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: { type: 'export_metadata', version: 2, args: {} },
    });
    expect(Object.keys(v2.body as object)).toEqual(['resource_version', 'metadata']);
    const incons = await call(s.url, '/v1/metadata', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: { type: 'get_inconsistent_metadata', args: {} },
    });
    expect(incons.body).toEqual({ is_consistent: true, inconsistent_objects: [] });
    const reload = await call(s.url, '/v1/metadata', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: { type: 'reload_metadata', args: {} },
    });
    expect(reload.body).toEqual({ message: 'success', is_consistent: true });
    const badJson = await call(s.url, '/v1/metadata', { headers: { 'x-hasura-admin-secret': SECRET }, body: '{' });
    expect([badJson.status, (badJson.body as { code: string }).code]).toEqual([400, 'invalid-json']);
    const explainAnon = await call(s.url, '/v1/graphql/explain', {
      body: { query: { query: '{ seasons { year } }' } },
    });
    expect([explainAnon.status, explainAnon.body]).toEqual([
      400,
      { path: '$', error: 'You have to be an admin to access this endpoint', code: 'access-denied' },
    ]);
    const explained = await call(s.url, '/v1/graphql/explain', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: { query: { query: '{ seasons { year } }' }, user: { 'x-hasura-role': 'student', 'x-hasura-year': '2024' } },
    });
    expect(explained.status).toBe(200);
    const plan = explained.body as Array<{ field: string; sql: string; plan: string[] }>;
    expect(plan[0]?.field).toBe('seasons');
    expect(plan[0]?.plan.length).toBeGreaterThan(0);
  });

  it('rolls back an inconsistent replace_metadata, or keeps it with allow_inconsistent_metadata', async () => {
    const admin = { 'x-hasura-admin-secret': SECRET };
    const broken = structuredClone(metadata) as unknown as { sources: Array<{ tables: unknown[] }> };
    broken.sources[0]?.tables.push({ table: { schema: 'public', name: 'no_such_table' } });
    const r1 = await call(s.url, '/v1/metadata', { headers: admin, body: { type: 'replace_metadata', args: broken } });
    expect([r1.status, (r1.body as { error: string }).error]).toEqual([
      400,
      'cannot continue due to inconsistent metadata',
    ]);
    expect((await call(s.url, '/healthz')).text).toBe('OK');
    const r2 = await call(s.url, '/v1/metadata', {
      headers: admin,
      body: { type: 'replace_metadata', args: { allow_inconsistent_metadata: true, metadata: broken } },
    });
    expect((r2.body as { is_consistent: boolean }).is_consistent).toBe(false);
    expect((await call(s.url, '/healthz')).text).toBe('WARN: inconsistent objects in schema');
    const strict = await call(s.url, '/healthz?strict=true');
    expect([strict.status, strict.text]).toEqual([500, 'ERROR: inconsistent objects in schema']);
    const r3 = await call(s.url, '/v1/metadata', {
      headers: admin,
      body: { type: 'replace_metadata', args: metadata },
    });
    expect(r3.body).toEqual({ message: 'success' });
    expect((await call(s.url, '/healthz')).text).toBe('OK');
  });

  it('runs bulk metadata calls in order', async () => {
    const r = await call(s.url, '/v1/metadata', {
      headers: { 'x-hasura-admin-secret': SECRET },
      body: {
        type: 'bulk',
        args: [
          { type: 'get_inconsistent_metadata', args: {} },
          { type: 'reload_metadata', args: {} },
        ],
      },
    });
    expect(r.body).toEqual([
      { is_consistent: true, inconsistent_objects: [] },
      { message: 'success', is_consistent: true },
    ]);
  });

  it('answers unknown routes and wrong methods with 404 resource does not exist', async () => {
    const notFound = { path: '$', error: 'resource does not exist', code: 'not-found' };
    expect((await call(s.url, '/nope')).body).toEqual(notFound);
    const getMeta = await call(s.url, '/v1/metadata');
    expect([getMeta.status, getMeta.body]).toEqual([404, notFound]);
    // the console is off unless HASURA_GRAPHQL_ENABLE_CONSOLE=true
    expect((await call(s.url, '/console')).status).toBe(404);
  });

  it('serves /v1alpha1/config to admins only', async () => {
    const anon = await call(s.url, '/v1alpha1/config');
    expect([anon.status, (anon.body as { error: string }).error]).toEqual([
      400,
      'You have to be an admin to access this endpoint',
    ]);
    const cfg = await call(s.url, '/v1alpha1/config', { headers: { 'x-hasura-admin-secret': SECRET } });
    expect(cfg.body).toMatchObject({
      version: 'v2.48.10',
      is_admin_secret_set: true,
      is_auth_hook_set: false,
      is_jwt_set: false,
    });
  });

  it('CORS: echoes the origin and answers pre-flights', async () => {
    const pre = await call(s.url, '/v1/graphql', {
      method: 'OPTIONS',
      headers: { Origin: 'http://app.example', 'Access-Control-Request-Headers': 'content-type,x-hasura-role' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type,x-hasura-role');
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    const r = await call(s.url, '/v1/version', { headers: { Origin: 'http://app.example' } });
    expect(r.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,PATCH,DELETE,OPTIONS');
  });
});

describe('settings', () => {
  it('without an unauthorized role a missing secret is an error; PRESERVE_401 keeps the status', async () => {
    const s = await engine({ HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_PRESERVE_401_ERRORS: 'true' });
    const r = await call(s.url, '/v1/graphql', { body: { query: '{ seasons { year } }' } });
    expect([r.status, r.body]).toEqual([
      401,
      gqlErr('access-denied', 'x-hasura-admin-secret/x-hasura-access-key required, but not found'),
    ]);
    // malformed JSON still reports the auth error first, like upstream
    const bad = await call(s.url, '/v1/graphql', { body: '{' });
    expect((bad.body as { errors: Array<{ message: string }> }).errors[0]?.message).toBe(
      'x-hasura-admin-secret/x-hasura-access-key required, but not found',
    );
  });

  it('HASURA_GRAPHQL_DEV_MODE adds extensions.internal for every role; otherwise only admin gets it', async () => {
    // ct_engine may not read password_credentials: Postgres refuses, a "database query error" with internal details.
    const md = structuredClone(metadata) as unknown as { sources: Array<{ tables: unknown[] }> };
    md.sources[0]?.tables.push({
      table: { schema: 'public', name: 'password_credentials' },
      select_permissions: [{ role: 'anonymous', permission: { columns: ['user_id'], filter: {} } }],
    });
    const internal = async (env: Record<string, string>, headers: Record<string, string>): Promise<boolean> => {
      const s = await startEngineServer({
        metadata: md as unknown as HasuraMetadata,
        databaseUrl: db.directUrl('ct_engine'),
        env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous', ...env },
        log: () => undefined,
      });
      servers.push(s);
      const r = await call(s.url, '/v1/graphql', { headers, body: { query: '{ password_credentials { user_id } }' } });
      const e = (r.body as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> }).errors?.[0];
      expect(e?.message).toBe('database query error');
      return e?.extensions['internal'] !== undefined;
    };
    const admin = { 'x-hasura-admin-secret': SECRET };
    expect(await internal({}, {})).toBe(false);
    expect(await internal({}, admin)).toBe(true);
    expect(await internal({ HASURA_GRAPHQL_DEV_MODE: 'true' }, {})).toBe(true);
    expect(await internal({ HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS: 'false' }, admin)).toBe(false);
  });

  it('HASURA_GRAPHQL_CORS_DOMAIN empty allows no cross-origin request (Hasura docs)', async () => {
    const s = await engine({ HASURA_GRAPHQL_CORS_DOMAIN: '' });
    const r = await call(s.url, '/v1/version', { headers: { Origin: 'https://app.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('HASURA_GRAPHQL_ENABLED_APIS switches APIs off (404)', async () => {
    const s = await engine({ HASURA_GRAPHQL_ENABLED_APIS: 'graphql' });
    const m = await call(s.url, '/v1/metadata', { body: { type: 'export_metadata', args: {} } });
    expect([m.status, (m.body as { error: string }).error]).toEqual([404, 'resource does not exist']);
    expect((await call(s.url, '/v1/graphql', { body: { query: '{ seasons(limit: 1) { year } }' } })).status).toBe(200);
    const g = await engine({ HASURA_GRAPHQL_ENABLED_APIS: 'metadata' });
    expect((await call(g.url, '/v1/graphql', { body: { query: '{ seasons { year } }' } })).status).toBe(404);
  });

  it('HASURA_GRAPHQL_CORS_DOMAIN limits CORS to the listed origins (wildcards one level deep)', async () => {
    const s = await engine({ HASURA_GRAPHQL_CORS_DOMAIN: 'https://app.example, http://*.dev.example:3000' });
    const origin = async (o: string): Promise<string | null> =>
      (await call(s.url, '/v1/version', { headers: { Origin: o } })).headers.get('access-control-allow-origin');
    expect(await origin('https://app.example')).toBe('https://app.example');
    expect(await origin('http://a.dev.example:3000')).toBe('http://a.dev.example:3000');
    expect(await origin('http://a.dev.example:4000')).toBeNull();
    expect(await origin('https://evil.example')).toBeNull();
    const off = await engine({ HASURA_GRAPHQL_DISABLE_CORS: 'true' });
    expect(
      (await call(off.url, '/v1/version', { headers: { Origin: 'https://app.example' } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it('refuses invalid settings at start-up', async () => {
    await expect(
      startEngineServer({
        metadata,
        databaseUrl: db.directUrl('ct_engine'),
        env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_ENABLE_CONSOL: 'true' },
      }),
    ).rejects.toThrow(
      'HASURA_GRAPHQL_ENABLE_CONSOL is not a variable of Hasura v2.48 (did you mean HASURA_GRAPHQL_ENABLE_CONSOLE?)',
    );
    await expect(
      startEngineServer({
        metadata,
        databaseUrl: db.directUrl('ct_engine'),
        env: { HASURA_GRAPHQL_ENABLED_APIS: 'graphql,bogus' },
      }),
    ).rejects.toThrow(/ENABLED_APIS/);
    await expect(
      startEngineServer({
        metadata,
        databaseUrl: db.directUrl('ct_engine'),
        env: { HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1' },
      }),
    ).rejects.toThrow(/requires --admin-secret/);
  });

  it('serves the offline GraphiQL console when enabled', async () => {
    const s = await engine({ HASURA_GRAPHQL_ENABLE_CONSOLE: 'true' });
    const page = await call(s.url, '/console');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/console/assets/graphiql.min.js');
    expect(page.text).not.toMatch(/https?:\/\/(?!engine)/);
    for (const a of ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'graphiql.min.css']) {
      const r = await fetch(`${s.url}/console/assets/${a}`);
      expect([a, r.status]).toEqual([a, 200]);
      expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await call(s.url, '/console/assets/../../package.json')).status).toBe(404);
    const root = await fetch(`${s.url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, 'console']);
  });
});

describe('webhook and JWT modes end to end', () => {
  let hook: Peer;
  beforeAll(async () => {
    // The upstream test webhook: Authorization: Bearer base64(json(headers)) → those headers as the session.
    hook = await startPeer((c, res) => {
      const authz = c.headers['authorization'] ?? '';
      const m = /^Bearer (.+)$/.exec(authz);
      if (!m) return json(res, 401, {});
      return json(res, 200, JSON.parse(Buffer.from(m[1] as string, 'base64').toString('utf8')) as object, {
        'Set-Cookie': 'hook=1',
      });
    });
  });
  afterAll(async () => {
    await hook.close();
  });

  it('webhook (GET): session from the hook, Set-Cookie passed back, 401 → unauthorized', async () => {
    const s = await engine({ HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_AUTH_HOOK: `${hook.url}/` });
    const token = Buffer.from(JSON.stringify({ 'X-Hasura-Role': 'anonymous' })).toString('base64');
    const r = await call(s.url, '/v1/graphql', {
      headers: { Authorization: `Bearer ${token}` },
      body: { query: '{ seasons(limit: 1, order_by: {season_code: asc}) { season_code } }' },
    });
    expect(r.body).toEqual({ data: { seasons: [{ season_code: seasons[0]?.season_code }] } });
    expect(r.headers.get('set-cookie')).toBe('hook=1');
    const denied = await call(s.url, '/v1/graphql', { body: { query: '{ seasons { year } }' } });
    expect(denied.body).toEqual(gqlErr('access-denied', 'Authentication hook unauthorized this request'));
  });

  it('close() lets an in-flight request finish', async () => {
    const slow = await startPeer((_c, res) => setTimeout(() => json(res, 200, { 'X-Hasura-Role': 'anonymous' }), 700));
    try {
      const s = await startEngineServer({
        metadata,
        databaseUrl: db.directUrl('ct_engine'),
        env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_AUTH_HOOK: slow.url },
        log: () => undefined,
      });
      const inflight = call(s.url, '/v1/graphql', { body: { query: '{ seasons(limit: 1) { year } }' } });
      await new Promise((r) => setTimeout(r, 200));
      const closed = s.close();
      const r = await inflight;
      expect((r.body as { data: { seasons: unknown[] } }).data.seasons).toHaveLength(1);
      await closed;
      await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    } finally {
      await slow.close();
    }
  });

  it('webhook down: a clean error, not a hang', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const s = await engine({
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_AUTH_HOOK: `http://127.0.0.1:${port}/`,
    });
    const r = await call(s.url, '/v1/graphql', { body: { query: '{ seasons { year } }' } });
    expect([r.status, r.body]).toEqual([200, gqlErr('unexpected', 'webhook authentication request failed')]);
  });

  it('JWT: role and variables from claims, invalid tokens rejected', async () => {
    const s = await engine({
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: HS_KEY }),
    });
    const year = seasons[0]?.year ?? 0;
    const token = await new SignJWT({
      'https://hasura.io/jwt/claims': {
        'x-hasura-allowed-roles': ['student'],
        'x-hasura-default-role': 'student',
        'x-hasura-year': String(year),
      },
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(HS_KEY));
    const r = await call(s.url, '/v1/graphql', {
      headers: { Authorization: `Bearer ${token}`, 'X-Hasura-Year': '1' },
      body: { query: '{ seasons { year } }' },
    });
    expect(r.body).toEqual({
      data: { seasons: seasons.filter((x) => x.year === year).map((x) => ({ year: x.year })) },
    });
    const bad = await call(s.url, '/v1/graphql', {
      headers: { Authorization: `Bearer ${token}x` },
      body: { query: '{ seasons { year } }' },
    });
    expect(bad.body).toEqual(gqlErr('invalid-jwt', 'Could not verify JWT: JWSError JWSInvalidSignature'));
    const none = await call(s.url, '/v1/graphql', { body: { query: '{ seasons { year } }' } });
    expect(none.body).toEqual(
      gqlErr('invalid-headers', "Missing 'Authorization' or 'Cookie' header in JWT authentication mode"),
    );
  });
});

describe('websocket upgrades', () => {
  const open = (url: string, protocol: string): Promise<WebSocket> =>
    new Promise((res, rej) => {
      const ws = new WebSocket(url.replace(/^http/, 'ws') + '/v1/graphql', protocol);
      ws.once('open', () => res(ws));
      ws.once('error', rej);
    });

  it('are refused with 400 by startHttpServer without a handler (startEngineServer plugs engine/src/subscriptions)', async () => {
    const runtime = await createRuntime({ metadata, databaseUrl: db.directUrl('ct_engine'), env: {} });
    const s = await startHttpServer({ runtime, log: () => undefined });
    servers.push(s);
    await expect(open(s.url, 'graphql-ws')).rejects.toThrow(/400/);
  });

  it('reach onUpgrade with the authenticator (connection_init headers first)', async () => {
    const runtime = await createRuntime({ metadata, databaseUrl: db.directUrl('ct_engine'), env: {} });
    const wss = new WebSocketServer({ noServer: true });
    const s = await startHttpServer({
      runtime,
      env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET },
      log: () => undefined,
      onUpgrade: (req, socket, head, ctx) =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          ws.on('message', (raw: Buffer) => {
            const msg = JSON.parse(raw.toString()) as { type: string; payload?: { headers?: unknown } };
            if (msg.type !== 'connection_init') return;
            ctx.auth.resolve(connectionInitHeaders(msg.payload?.headers, fromRawHeaders(req.rawHeaders))).then(
              (a) => ws.send(JSON.stringify({ type: 'connection_ack', role: a.session.role })),
              (e: Error) => ws.send(JSON.stringify({ type: 'connection_error', payload: e.message })),
            );
          });
        }),
    });
    try {
      const ws = await open(s.url, 'graphql-ws');
      const reply = (payload: unknown): Promise<unknown> =>
        new Promise((res) => {
          ws.once('message', (m: Buffer) => res(JSON.parse(m.toString())));
          ws.send(JSON.stringify({ type: 'connection_init', payload }));
        });
      expect(await reply({ headers: { 'X-Hasura-Admin-Secret': SECRET, 'X-Hasura-Role': 'student' } })).toEqual({
        type: 'connection_ack',
        role: 'student',
      });
      expect(await reply({ headers: {} })).toEqual({
        type: 'connection_error',
        payload: 'x-hasura-admin-secret/x-hasura-access-key required, but not found',
      });
      ws.close();
    } finally {
      wss.close();
      await s.close();
    }
  });
});
