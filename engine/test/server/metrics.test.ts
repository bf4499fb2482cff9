/**
 * GET /v1/metrics as Hasura Enterprise serves it, against a real engine and Postgres clone: off unless `metrics` is
 * in HASURA_GRAPHQL_ENABLED_APIS (404, like any disabled API), guarded by HASURA_GRAPHQL_METRICS_SECRET as a bearer
 * token, and the series move with real traffic: request counters, execution-time and SQL-time histograms, websocket
 * gauges, errors by code, the pools (a one-connection source pool and a metadata database pool) and the cache of a
 * real auth webhook (a node:http peer that answers with Cache-Control).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cloneTemplate, metricValue, type TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../src/index.js';
import { json, startPeer, type Peer } from './peers.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const ADMIN = 'metrics-test-admin-secret';
const SECRET = 'metrics-test-bearer-secret';

let db: TestDb;
let hook: Peer;
let engine: EngineServer;
let plain: EngineServer;

beforeAll(async () => {
  db = await cloneTemplate();
  // The webhook: anonymous for everyone, cacheable for 5 minutes.
  hook = await startPeer((_call, res) =>
    json(res, 200, { 'X-Hasura-Role': 'anonymous' }, { 'Cache-Control': 'max-age=300' }),
  );
  const metadata = await loadMetadataDir(METADATA);
  const env = { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN };
  [engine, plain] = await Promise.all([
    startEngineServer({
      metadata,
      databaseUrl: db.directUrl('ct_engine'),
      env: {
        ...env,
        HASURA_GRAPHQL_AUTH_HOOK: `${hook.url}/auth`,
        HASURA_GRAPHQL_ENABLED_APIS: 'graphql,metadata,metrics',
        HASURA_GRAPHQL_METRICS_SECRET: SECRET,
        // One connection, so that a second request has to wait for it.
        HASURA_GRAPHQL_PG_CONNECTIONS: '1',
        HASURA_GRAPHQL_METADATA_DATABASE_URL: db.directUrl('ct_owner'),
      },
      log: () => undefined,
    }),
    startEngineServer({
      metadata,
      databaseUrl: db.directUrl('ct_engine'),
      env: { ...env, HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' },
      log: () => undefined,
    }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([engine?.close(), plain?.close(), hook?.close()]);
  await db?.drop();
});

const scrape = async (): Promise<string> => {
  const res = await fetch(`${engine.url}/v1/metrics`, { headers: { authorization: `Bearer ${SECRET}` } });
  expect(res.status).toBe(200);
  return res.text();
};

const gql = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${engine.url}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

/** Scrape until `ok` holds of the text (or fail after 5 s). */
async function scrapeUntil(what: string, ok: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const text = await scrape();
    if (ok(text)) return text;
    if (Date.now() > deadline) throw new Error(`never scraped: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GET /v1/metrics', () => {
  it('is off unless the metrics API is enabled', async () => {
    const res = await fetch(`${plain.url}/v1/metrics`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ path: '$', error: 'resource does not exist', code: 'not-found' });
  });

  it('refuses a missing or wrong bearer secret, and the admin secret is not one', async () => {
    for (const authorization of [undefined, `Bearer ${SECRET}x`, `Bearer ${ADMIN}`, SECRET]) {
      const res = await fetch(`${engine.url}/v1/metrics`, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(await res.text()).not.toContain('hasura_graphql_requests_total');
    }
  });

  it('counts requests by operation type and outcome, times successful ones, and counts websockets', async () => {
    const before = await scrape();
    expect((await gql('{ seasons(limit: 1) { season_code } }')).status).toBe(200);
    expect((await gql('{ no_such_field }')).status).toBe(200);
    const ws = new WebSocket(`${engine.url.replace('http', 'ws')}/v1/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const during = await scrape();
    ws.close();

    const ok = { operation_type: 'query', response_status: 'success' };
    expect(metricValue(during, 'hasura_graphql_requests_total', ok)).toBe(
      metricValue(before, 'hasura_graphql_requests_total', ok) + 1,
    );
    const failed = { response_status: 'failed' };
    expect(metricValue(during, 'hasura_graphql_requests_total', failed)).toBe(
      metricValue(before, 'hasura_graphql_requests_total', failed) + 1,
    );
    const q = { operation_type: 'query' };
    expect(metricValue(during, 'hasura_graphql_execution_time_seconds_count', q)).toBe(
      metricValue(before, 'hasura_graphql_execution_time_seconds_count', q) + 1,
    );
    expect(metricValue(during, 'hasura_websocket_connections')).toBe(
      metricValue(before, 'hasura_websocket_connections') + 1,
    );
    expect(during).toMatch(/^hasura_active_subscriptions \d+$/m);
  });

  it('times the statements of each request in Postgres, by operation type, failed requests included', async () => {
    const count = 'hasura_graphql_db_execution_time_seconds_count';
    const sum = 'hasura_graphql_db_execution_time_seconds_sum';
    const q = { operation_type: 'query' };
    const before = await scrape();
    expect((await gql('{ seasons(limit: 1) { season_code } }')).status).toBe(200);
    const invalidRegex = await gql('{ seasons(where: {season_code: {_regex: "("}}) { season_code } }');
    expect(((await invalidRegex.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    // Validation fails before any SQL: not timed.
    expect((await gql('{ no_such_field }')).status).toBe(200);
    const after = await scrape();
    expect(after).toMatch(/^# TYPE hasura_graphql_db_execution_time_seconds histogram$/m);
    expect(metricValue(after, count, q)).toBe(metricValue(before, count, q) + 2);
    expect(metricValue(after, sum, q)).toBeGreaterThan(metricValue(before, sum, q));
    expect(metricValue(after, count, { operation_type: 'unknown' })).toBe(0);
  });

  it('counts the errors answered by their code', async () => {
    const errors = 'hasura_graphql_errors_total';
    const before = await scrape();
    const invalidRegex = (await (
      await gql('{ seasons(where: {season_code: {_regex: "("}}) { season_code } }')
    ).json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(invalidRegex.errors[0]?.extensions.code).toBe('data-exception');
    expect((await gql('{ no_such_field }')).status).toBe(200);
    expect((await gql('{ no_such_field }')).status).toBe(200);
    const denied = (await (await gql('{ seasons { season_code } }', { 'x-hasura-admin-secret': 'wrong' })).json()) as {
      errors: Array<{ extensions: { code: string } }>;
    };
    expect(denied.errors[0]?.extensions.code).toBe('access-denied');
    expect((await gql('{ seasons(limit: 1) { season_code } }')).status).toBe(200);
    const after = await scrape();
    const delta = (code: string) => metricValue(after, errors, { code }) - metricValue(before, errors, { code });
    expect(delta('data-exception')).toBe(1);
    expect(delta('validation-failed')).toBe(2);
    expect(delta('access-denied')).toBe(1);
    expect(metricValue(after, errors) - metricValue(before, errors)).toBe(4);
  });

  it('reports the pools: in use, idle, waiting and size, with Hasura labels, the metadata pool apart', async () => {
    const primary = { source_name: 'default', conn_info: 'HASURA_GRAPHQL_DATABASE_URL', role: 'primary' };
    const idle = await scrape();
    expect(idle).toContain(
      'hasura_postgres_max_connections{source_name="default",conn_info="HASURA_GRAPHQL_DATABASE_URL",role="primary"} 1',
    );
    expect(metricValue(idle, 'hasura_postgres_connections', primary)).toBe(0);
    expect(metricValue(idle, 'hasura_postgres_pool_waiting_requests', primary)).toBe(0);
    expect(idle).toMatch(
      /^hasura_postgres_idle_connections\{source_name="",conn_info="HASURA_GRAPHQL_METADATA_DATABASE_URL",role="metadata"\} \d+$/m,
    );
    expect(idle).toContain(
      'hasura_postgres_max_connections{source_name="",conn_info="HASURA_GRAPHQL_METADATA_DATABASE_URL",role="metadata"} 4',
    );

    // run_sql holds the only connection of the source's pool for a while; a query meanwhile waits for it (and its
    // statement, handed the connection as run_sql releases it, is still timed as the query's).
    const sqlCount = 'hasura_graphql_db_execution_time_seconds_count';
    const sleeping = fetch(`${engine.url}/v2/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hasura-admin-secret': ADMIN },
      body: JSON.stringify({ type: 'run_sql', args: { sql: 'SELECT pg_sleep(1.5)', read_only: true } }),
    });
    await scrapeUntil('the connection in use', (t) => metricValue(t, 'hasura_postgres_connections', primary) === 1);
    const waiting = gql('{ seasons(limit: 1) { season_code } }');
    const during = await scrapeUntil(
      'a request waiting',
      (t) => metricValue(t, 'hasura_postgres_pool_waiting_requests', primary) === 1,
    );
    expect(metricValue(during, 'hasura_postgres_idle_connections', primary)).toBe(0);
    expect((await sleeping).status).toBe(200);
    expect((await waiting).status).toBe(200);

    const after = await scrape();
    const q = { operation_type: 'query' };
    expect(metricValue(after, sqlCount, q)).toBe(metricValue(idle, sqlCount, q) + 1);
    expect(metricValue(after, 'hasura_postgres_connections', primary)).toBe(0);
    expect(metricValue(after, 'hasura_postgres_pool_waiting_requests', primary)).toBe(0);
    expect(metricValue(after, 'hasura_postgres_idle_connections', primary)).toBe(1);
  });

  it('counts hits and misses of the auth-webhook cache', async () => {
    const cache = 'hasura_auth_webhook_cache_requests_total';
    const token = { 'x-test-token': `t-${randomBytes(6).toString('hex')}` };
    const before = await scrape();
    for (const status of ['hit', 'miss'])
      expect(before).toMatch(new RegExp(`^${cache}\\{status="${status}"\\} \\d+$`, 'm'));
    const calls = hook.calls.length;
    expect((await gql('{ seasons(limit: 1) { season_code } }', token)).status).toBe(200);
    expect(hook.calls.length).toBe(calls + 1);
    expect((await gql('{ seasons(limit: 1) { season_code } }', token)).status).toBe(200);
    expect(hook.calls.length).toBe(calls + 1);
    const after = await scrape();
    expect(metricValue(after, cache, { status: 'miss' })).toBe(metricValue(before, cache, { status: 'miss' }) + 1);
    expect(metricValue(after, cache, { status: 'hit' })).toBe(metricValue(before, cache, { status: 'hit' }) + 1);
  });
});
