/**
 * The per-user cap on saved searches (issue 14, finding 9), end to end through the GraphQL engine in webhook mode
 * with our own metadata: the session cookie goes to the engine, the engine asks /api/hasura/auth who it is, and the
 * only way a student can add a saved search is the `saveSearch` action, which enforces MAX_SAVED_SEARCHES. A direct
 * `insert_saved_searches` mutation would skip that check, so the student role has none.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../../engine/src/index.js';
import { MAX_SAVED_SEARCHES } from '../../src/hasura/actions/shared.js';
import { cookieHeader, createTestApp, signup, type TestApp } from '../helpers/app.js';

let t: TestApp;
let api: Server;
let engine: EngineServer;

beforeAll(async () => {
  t = await createTestApp();
  api = createServer(t.app);
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  engine = await startEngineServer({
    metadata: await loadMetadataDir(new URL('../../../hasura/metadata', import.meta.url).pathname),
    databaseUrl: t.db.bouncerUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: 'engine-admin-secret-for-tests-only',
      HASURA_GRAPHQL_AUTH_HOOK: `${apiUrl}/api/hasura/auth`,
      HASURA_GRAPHQL_AUTH_HOOK_MODE: 'GET',
      API_BASE_URL: apiUrl,
      HASURA_ACTION_SECRET: t.config.hasuraActionSecret,
    },
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
  });
});

afterAll(async () => {
  await engine?.close();
  await new Promise((r) => api?.close(r));
  await t?.close();
});

type Gql = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

async function gql(cookie: string, query: string): Promise<Gql> {
  const res = await fetch(`${engine.url}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as Gql;
}

async function loggedIn(): Promise<{ cookie: string; userId: number }> {
  const u = await signup(t);
  const res = await u.agent.post('/api/auth/password/login').send({ email: u.email, password: u.password });
  return { cookie: cookieHeader(res, t.config.session.cookieName), userId: u.userId };
}

async function savedCount(userId: number): Promise<number> {
  const r = await t.owner.query<{ n: number }>('select count(*)::int as n from saved_searches where user_id = $1', [
    userId,
  ]);
  return r.rows[0]?.n ?? 0;
}

describe('saved searches: the per-user cap holds through GraphQL', () => {
  it('refuses a direct insert_saved_searches past the cap (cap bypass through the table mutation)', async () => {
    const { cookie, userId } = await loggedIn();
    // Fill up to one below the cap, then take the last slot through the action, the intended path.
    await t.owner.query(
      `insert into saved_searches (user_id, name, query)
       select $1, 'search ' || i, '{}'::jsonb from generate_series(1, $2::int) as i`,
      [userId, MAX_SAVED_SEARCHES - 1],
    );
    const last = await gql(cookie, 'mutation { saveSearch(name: "the last one", query: {q: "x"}) { name } }');
    expect(last).toEqual({ data: { saveSearch: { name: 'the last one' } } });
    expect(await savedCount(userId)).toBe(MAX_SAVED_SEARCHES);

    // At the cap: the action refuses …
    const overAction = await gql(cookie, 'mutation { saveSearch(name: "one more", query: {}) { name } }');
    expect(overAction.errors?.[0]?.message).toBe('Too many saved searches.');
    // … and so does the table mutation, in every shape.
    for (const q of [
      'mutation { insert_saved_searches_one(object: {name: "bypass", query: {}}) { saved_search_id } }',
      'mutation { insert_saved_searches(objects: [{name: "b1", query: {}}, {name: "b2", query: {}}]) { affected_rows } }',
    ]) {
      const r = await gql(cookie, q);
      expect(r.data ?? null, q).toBeNull();
      expect(r.errors?.[0]?.extensions?.code, q).toBe('validation-failed');
      expect(r.errors?.[0]?.message, q).toMatch(
        /^field 'insert_saved_searches(_one)?' not found in type: 'mutation_root'$/,
      );
    }
    expect(await savedCount(userId)).toBe(MAX_SAVED_SEARCHES);
  });

  it('still lets the student read, rename and delete their own saved searches', async () => {
    const { cookie, userId } = await loggedIn();
    const saved = await gql(
      cookie,
      'mutation { saveSearch(name: "cs", query: {subject: "CPSC"}) { saved_search_id } }',
    );
    const id = (saved.data?.['saveSearch'] as { saved_search_id: number }).saved_search_id;
    const renamed = await gql(
      cookie,
      `mutation { update_saved_searches_by_pk(pk_columns: {saved_search_id: ${id}}, _set: {name: "computer science"}) { name } }`,
    );
    expect(renamed).toEqual({ data: { update_saved_searches_by_pk: { name: 'computer science' } } });
    const list = await gql(cookie, '{ saved_searches { name query } }');
    expect(list).toEqual({ data: { saved_searches: [{ name: 'computer science', query: { subject: 'CPSC' } }] } });
    const del = await gql(
      cookie,
      `mutation { delete_saved_searches_by_pk(saved_search_id: ${id}) { saved_search_id } }`,
    );
    expect(del).toEqual({ data: { delete_saved_searches_by_pk: { saved_search_id: id } } });
    expect(await savedCount(userId)).toBe(0);
  });
});
