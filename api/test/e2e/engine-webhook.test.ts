/**
 * End to end through the GraphQL engine in webhook mode: the engine asks /api/hasura/auth who the cookie belongs to,
 * and row permissions decide what each user sees. Writes go through the API's action handlers, called the way Hasura
 * calls them (secret header + the session variables the webhook produced).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../../engine/src/index.js';
import { cookieHeader, createTestApp, signup, type TestApp } from '../helpers/app.js';
import { callAction, sampleListings } from '../helpers/actions.js';

let t: TestApp;
let api: Server;
let engine: EngineServer;
let L: Awaited<ReturnType<typeof sampleListings>>;

beforeAll(async () => {
  t = await createTestApp();
  L = await sampleListings(t);
  api = createServer(t.app);
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  const metadata = await loadMetadataDir(new URL('../../../hasura/metadata', import.meta.url).pathname);
  engine = await startEngineServer({
    metadata,
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

async function gql(cookie: string | undefined, query: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(`${engine.url}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function whoAmI(cookie: string): Promise<{ role: string; userId: number }> {
  const hook = await fetch(`http://127.0.0.1:${(api.address() as AddressInfo).port}/api/hasura/auth`, { headers: { cookie } });
  const body = (await hook.json()) as Record<string, string>;
  return { role: body['X-Hasura-Role'] ?? '', userId: Number(body['X-Hasura-User-Id']) };
}

const WORKSHEETS = '{ worksheets(order_by: {worksheet_id: asc}) { worksheet_id user_id name private worksheet_courses { crn color } } }';

describe('engine /v1/graphql with the API as auth webhook', () => {
  it('each user sees only their own worksheets until one is public and they are friends', async () => {
    const alice = await signup(t, { displayName: 'Alice' });
    const bob = await signup(t, { displayName: 'Bob' });
    const aliceCookie = cookieHeader(await alice.agent.post('/api/auth/password/login').send({ email: alice.email, password: alice.password }), t.config.session.cookieName);
    const bobCookie = cookieHeader(await bob.agent.post('/api/auth/password/login').send({ email: bob.email, password: bob.password }), t.config.session.cookieName);
    const a = await whoAmI(aliceCookie);
    const b = await whoAmI(bobCookie);
    expect(a).toEqual({ role: 'student', userId: alice.userId });

    // Alice creates a private worksheet and adds a course, through actions.
    const ws = await callAction(t, 'createWorksheet', a.userId, { season_code: L.season, name: 'Alice plan', private: true });
    const wsId = ws.body['worksheet_id'] as number;
    expect((await callAction(t, 'addWorksheetCourse', a.userId, { worksheet_id: wsId, crn: L.crns[0], color: '#ff0000' })).status).toBe(200);

    const aliceView = await gql(aliceCookie, WORKSHEETS);
    expect(aliceView.errors).toBeUndefined();
    expect(aliceView.data?.['worksheets']).toEqual([
      { worksheet_id: wsId, user_id: a.userId, name: 'Alice plan', private: true, worksheet_courses: [{ crn: L.crns[0], color: '#ff0000' }] },
    ]);
    expect((await gql(bobCookie, WORKSHEETS)).data?.['worksheets']).toEqual([]);

    // Public but not friends: still invisible to Bob.
    await callAction(t, 'setWorksheetPrivate', a.userId, { worksheet_id: wsId, private: false });
    expect((await gql(bobCookie, WORKSHEETS)).data?.['worksheets']).toEqual([]);

    // Friends but private: invisible; friends and public: visible.
    await callAction(t, 'sendFriendRequest', b.userId, { user_id: a.userId });
    await callAction(t, 'acceptFriendRequest', a.userId, { user_id: b.userId });
    await callAction(t, 'setWorksheetPrivate', a.userId, { worksheet_id: wsId, private: true });
    expect((await gql(bobCookie, WORKSHEETS)).data?.['worksheets']).toEqual([]);
    await callAction(t, 'setWorksheetPrivate', a.userId, { worksheet_id: wsId, private: false });
    const bobView = (await gql(bobCookie, WORKSHEETS)).data?.['worksheets'] as Array<{ worksheet_id: number }>;
    expect(bobView.map((w) => w.worksheet_id)).toEqual([wsId]);
  });

  it('anonymous requests get the anonymous role, and a forged cookie is refused', async () => {
    const anon = await gql(undefined, WORKSHEETS);
    expect(anon.data).toBeUndefined();
    const forged = await gql(`${t.config.session.cookieName}=s%3Aforged.sig`, '{ __typename }');
    expect(JSON.stringify(forged.errors)).toMatch(/Authentication hook unauthorized/);
  });
});
