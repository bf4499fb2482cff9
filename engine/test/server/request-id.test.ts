/**
 * The request id, from the client (or the gateway in front) through the engine to the auth webhook and the action
 * handlers, so that their log lines and the engine's carry the same id. Real engine, real Postgres clone, real HTTP
 * peers for the webhook and the action handler. When the client sends none, the engine makes one (as Hasura does)
 * and uses that. The webhook's answer cache does not depend on the id: one id per request must not defeat it.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../src/index.js';
import { json, startPeer, type Peer } from './peers.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
let db: TestDb;
let hook: Peer;
let handler: Peer;
let engine: EngineServer;

beforeAll(async () => {
  db = await cloneTemplate();
  hook = await startPeer((_c, res) =>
    json(res, 200, { 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': '1', 'Cache-Control': 'max-age=60' }),
  );
  handler = await startPeer((c, res) => {
    const input = (JSON.parse(c.body) as { input: { season_code: string; crn: number } }).input;
    json(res, 200, { season_code: input.season_code, crn: input.crn });
  });
  engine = await startEngineServer({
    metadata: await loadMetadataDir(METADATA),
    databaseUrl: db.directUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: 'request-id-test-admin-secret',
      HASURA_GRAPHQL_AUTH_HOOK: `${hook.url}/`,
      HASURA_GRAPHQL_AUTH_HOOK_MODE: 'GET',
      API_BASE_URL: handler.url,
      HASURA_ACTION_SECRET: 'request-id-test-action-secret',
    },
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  await hook?.close();
  await handler?.close();
  await db?.drop();
});

async function post(query: string, headers: Record<string, string>): Promise<{ id: string | null; body: unknown }> {
  const res = await fetch(`${engine.url}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'sid=s1', ...headers },
    body: JSON.stringify({ query }),
  });
  return { id: res.headers.get('x-request-id'), body: await res.json() };
}

const ACTION = 'mutation { addToWishlist(season_code: "202601", crn: 12345) { crn } }';

describe('request id', () => {
  it("carries the client's X-Request-Id to the webhook and the action handler, and answers with it", async () => {
    const r = await post(ACTION, { 'x-request-id': 'client-id-1' });
    expect(r.body).toEqual({ data: { addToWishlist: { crn: 12345 } } });
    expect(r.id).toBe('client-id-1');
    expect(hook.calls.at(-1)?.headers['x-request-id']).toBe('client-id-1');
    expect(handler.calls.at(-1)?.headers['x-request-id']).toBe('client-id-1');
  });

  it('makes one when the client sends none, and the webhook and the handler get that one', async () => {
    hook.calls.length = 0;
    const r = await post(ACTION, { cookie: 'sid=s2' });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(hook.calls.map((c) => c.headers['x-request-id'])).toEqual([r.id]);
    expect(handler.calls.at(-1)?.headers['x-request-id']).toBe(r.id);
  });

  it("keeps the webhook's cached answer across requests with different ids", async () => {
    hook.calls.length = 0;
    await post('{ seasons(limit: 1) { season_code } }', { cookie: 'sid=s3', 'x-request-id': 'a' });
    await post('{ seasons(limit: 1) { season_code } }', { cookie: 'sid=s3', 'x-request-id': 'b' });
    await post('{ seasons(limit: 1) { season_code } }', { cookie: 'sid=s3' });
    expect(hook.calls).toHaveLength(1);
  });
});
