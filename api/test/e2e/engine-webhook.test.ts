/**
 * End to end through the GraphQL engine in webhook mode: the engine asks /api/hasura/auth who the cookie belongs to,
 * and row permissions decide what each user sees. Alice's worksheet and course are written through the engine's
 * Hasura actions (the engine calls the API's handlers with the action secret and the webhook's session variables);
 * the remaining social steps call the same handlers directly, the way the engine does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../../engine/src/index.js';
import type supertest from 'supertest';
import { agent, cookieHeader, createTestApp, FRONTEND, PUBLIC_URL, signup, type TestApp } from '../helpers/app.js';
import { TestCasServer } from '../helpers/cas-server.js';
import { browseIdp, TestIdp } from '../helpers/oidc-idp.js';
import { callAction, sampleListings } from '../helpers/actions.js';

let t: TestApp;
let api: Server;
let engine: EngineServer;
let L: Awaited<ReturnType<typeof sampleListings>>;
let cas: TestCasServer;
let idp: TestIdp;

beforeAll(async () => {
  cas = await TestCasServer.start();
  idp = await TestIdp.start({
    clientId: 'ct',
    clientSecret: 'idp-secret',
    redirectUri: `${PUBLIC_URL}/api/auth/oidc/callback`,
  });
  t = await createTestApp({
    CAS_BASE_URL: cas.baseUrl,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'ct',
    OIDC_CLIENT_SECRET: 'idp-secret',
    OIDC_ALLOW_INSECURE_HTTP: 'true',
    EVALS_RULES: 'attribute:affiliation=student',
  });
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
  await cas?.close();
  await idp?.close();
});

async function gql(
  cookie: string | undefined,
  query: string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(`${engine.url}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function whoAmI(cookie: string): Promise<{ role: string; userId: number }> {
  const hook = await fetch(`http://127.0.0.1:${(api.address() as AddressInfo).port}/api/hasura/auth`, {
    headers: { cookie },
  });
  const body = (await hook.json()) as Record<string, string>;
  return { role: body['X-Hasura-Role'] ?? '', userId: Number(body['X-Hasura-User-Id']) };
}

const WORKSHEETS =
  '{ worksheets(order_by: {worksheet_id: asc}) { worksheet_id user_id name private worksheet_courses { crn color } } }';

describe('engine /v1/graphql with the API as auth webhook', () => {
  it('each user sees only their own worksheets until one is public and they are friends', async () => {
    const alice = await signup(t, { displayName: 'Alice' });
    const bob = await signup(t, { displayName: 'Bob' });
    const aliceCookie = cookieHeader(
      await alice.agent.post('/api/auth/password/login').send({ email: alice.email, password: alice.password }),
      t.config.session.cookieName,
    );
    const bobCookie = cookieHeader(
      await bob.agent.post('/api/auth/password/login').send({ email: bob.email, password: bob.password }),
      t.config.session.cookieName,
    );
    const a = await whoAmI(aliceCookie);
    const b = await whoAmI(bobCookie);
    expect(a).toEqual({ role: 'student', userId: alice.userId });

    // Alice creates a private worksheet and adds a course, through the engine's actions (cookie → webhook → action).
    const created = await gql(
      aliceCookie,
      `mutation { createWorksheet(season_code: "${L.season}", name: "Alice plan", private: true) { worksheet_id name private } }`,
    );
    expect(created.errors).toBeUndefined();
    const wsId = (created.data?.['createWorksheet'] as { worksheet_id: number }).worksheet_id;
    const added = await gql(
      aliceCookie,
      `mutation { addWorksheetCourse(worksheet_id: ${wsId}, crn: ${L.crns[0]}, color: "#ff0000") { crn color } }`,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.['addWorksheetCourse']).toEqual({ crn: L.crns[0], color: '#ff0000' });
    // Bob cannot add to Alice's worksheet through the same action: the handler takes the user id from the session.
    const intruder = await gql(
      bobCookie,
      `mutation { addWorksheetCourse(worksheet_id: ${wsId}, crn: ${L.crns[0]}, color: "#00ff00") { crn } }`,
    );
    expect(intruder.errors).toBeDefined();

    const aliceView = await gql(aliceCookie, WORKSHEETS);
    expect(aliceView.errors).toBeUndefined();
    expect(aliceView.data?.['worksheets']).toEqual([
      {
        worksheet_id: wsId,
        user_id: a.userId,
        name: 'Alice plan',
        private: true,
        worksheet_courses: [{ crn: L.crns[0], color: '#ff0000' }],
      },
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

/** The session cookie a login sets (the last Set-Cookie of the callback response). */
function sessionCookie(res: supertest.Response): string {
  return cookieHeader(res, t.config.session.cookieName);
}

describe('each login method gives a session the engine accepts', () => {
  it('password, CAS and OIDC logins query the engine with their own role and user id', async () => {
    const pw = await signup(t);
    const pwCookie = sessionCookie(
      await pw.agent.post('/api/auth/password/login').send({ email: pw.email, password: pw.password }),
    );

    cas.nextUser = { user: 'e2e-cas', attributes: { affiliation: 'student', mail: 'e2e-cas@yale.edu' } };
    const casAgent = agent(t);
    const start = await casAgent.get(`/api/auth/cas?redirect=${encodeURIComponent(FRONTEND)}`).expect(302);
    const back = new URL(
      (await fetch(start.headers['location'] as string, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const casCookie = sessionCookie(await casAgent.get(back.pathname + back.search).expect(302));

    idp.nextAccount = { sub: 'e2e-oidc', email: 'e2e@example.org', email_verified: true, name: 'E2E' };
    const oidcAgent = agent(t);
    const o = await oidcAgent.get('/api/auth/oidc').expect(302);
    const cb = await browseIdp(o.headers['location'] as string, idp.issuer);
    const oidcCookie = sessionCookie(await oidcAgent.get(cb.pathname + cb.search).expect(302));

    const roles = await Promise.all([pwCookie, casCookie, oidcCookie].map(whoAmI));
    expect(roles.map((r) => r.role)).toEqual(['student', 'student_evals', 'student']);
    for (const [i, cookie] of [pwCookie, casCookie, oidcCookie].entries()) {
      const ws = await callAction(t, 'createWorksheet', roles[i]?.userId ?? 0, {
        season_code: L.season,
        name: `login ${i}`,
      });
      const view = await gql(cookie, WORKSHEETS);
      expect(view.errors).toBeUndefined();
      expect((view.data?.['worksheets'] as Array<{ worksheet_id: number }>).map((w) => w.worksheet_id)).toEqual([
        ws.body['worksheet_id'],
      ]);
    }
  });
});
