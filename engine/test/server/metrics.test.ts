/**
 * GET /v1/metrics as Hasura Enterprise serves it, against a real engine and Postgres clone: off unless `metrics` is
 * in HASURA_GRAPHQL_ENABLED_APIS (404, like any disabled API), guarded by HASURA_GRAPHQL_METRICS_SECRET as a bearer
 * token, and the request counters, execution-time histogram and websocket gauges move with real traffic.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cloneTemplate, metricValue, type TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../src/index.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const ADMIN = 'metrics-test-admin-secret';
const SECRET = 'metrics-test-bearer-secret';

let db: TestDb;
let engine: EngineServer;
let plain: EngineServer;

beforeAll(async () => {
  db = await cloneTemplate();
  const metadata = await loadMetadataDir(METADATA);
  const env = { HASURA_GRAPHQL_ADMIN_SECRET: ADMIN, HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' };
  [engine, plain] = await Promise.all([
    startEngineServer({
      metadata,
      databaseUrl: db.directUrl('ct_engine'),
      env: { ...env, HASURA_GRAPHQL_ENABLED_APIS: 'graphql,metadata,metrics', HASURA_GRAPHQL_METRICS_SECRET: SECRET },
      log: () => undefined,
    }),
    startEngineServer({ metadata, databaseUrl: db.directUrl('ct_engine'), env, log: () => undefined }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([engine?.close(), plain?.close()]);
  await db?.drop();
});

const scrape = async (): Promise<string> => {
  const res = await fetch(`${engine.url}/v1/metrics`, { headers: { authorization: `Bearer ${SECRET}` } });
  expect(res.status).toBe(200);
  return res.text();
};

const gql = (query: string) =>
  fetch(`${engine.url}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });

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
});
