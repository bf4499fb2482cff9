/**
 * `importCourseTable` on a fixture database shaped like CourseTable's (fixtures/coursetable-data.sql), into a
 * migrated, seeded database; then each CourseTable user logs in through a real CAS server and reads their data
 * through the GraphQL engine with the API as its auth webhook, as in production.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../engine/src/index.js';
import { agent, cookieHeader, createTestApp, PUBLIC_URL, signup, type TestApp } from '../../api/test/helpers/app.js';
import { TestCasServer } from '../../api/test/helpers/cas-server.js';
import { emptyDatabase, type TestDb } from '../../stack/src/testing.js';
import { importCourseTable, type ImportReport } from '../src/coursetable/import.js';

let t: TestApp;
let source: TestDb;
let api: Server;
let engine: EngineServer;
let cas: TestCasServer;
let first: ImportReport;

const USER_TABLES = [
  'users order by user_id',
  'user_identities order by identity_id',
  'profile_fields order by user_id, field',
  'worksheets order by worksheet_id',
  'worksheet_courses order by worksheet_id, crn',
  'wishlist_items order by user_id, season_code, crn',
  'friendships order by user_id, friend_user_id',
  'friend_requests order by from_user_id, to_user_id',
  'saved_searches order by saved_search_id',
];
async function snapshot(): Promise<unknown[]> {
  const out = [];
  for (const q of USER_TABLES) out.push((await t.owner.query(`select * from ${q}`)).rows);
  return out;
}

const run = (extra: { dryRun?: boolean; sourceUrl?: string } = {}) =>
  importCourseTable({
    sourceUrl: source.directUrl('ct_owner'),
    targetUrl: t.db.directUrl('ct_owner'),
    casIssuer: `${cas.baseUrl}/`,
    ...extra,
  });

beforeAll(async () => {
  cas = await TestCasServer.start();
  t = await createTestApp({ CAS_BASE_URL: cas.baseUrl, CAS_VERSION: '3.0' });
  source = await emptyDatabase();
  const s = new pg.Client({ connectionString: source.directUrl('ct_owner') });
  await s.connect();
  await s.query(await readFile(new URL('./fixtures/coursetable-data.sql', import.meta.url), 'utf8'));
  await s.end();
  // An account of ours that already has Carl's address (a password sign-up): the import must not join it to Carl.
  await signup(t, { email: 'carl.chen@yale.edu', displayName: 'Someone else' });

  api = createServer(t.app);
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  engine = await startEngineServer({
    metadata: await loadMetadataDir(new URL('../../hasura/metadata', import.meta.url).pathname),
    databaseUrl: t.db.bouncerUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: 'engine-admin-secret-for-tests-only',
      HASURA_GRAPHQL_AUTH_HOOK: `${apiUrl}/api/hasura/auth`,
      HASURA_GRAPHQL_AUTH_HOOK_MODE: 'GET',
    },
    host: '127.0.0.1',
    port: 0,
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  await new Promise((r) => api?.close(r));
  await t?.close();
  await source?.drop().catch(() => undefined);
  await cas?.close();
});

/** CAS login as `netId` (API → CAS → callback); the session cookie. */
async function casLogin(netId: string): Promise<string> {
  cas.nextUser = { user: netId, attributes: {} };
  const a: supertest.Agent = agent(t);
  const start = await a.get(`/api/auth/cas?redirect=${encodeURIComponent('/')}`).expect(302);
  const casRes = await fetch(new URL(start.headers['location'] as string), { redirect: 'manual' });
  const back = new URL(casRes.headers.get('location') ?? '');
  expect(back.origin).toBe(PUBLIC_URL);
  return cookieHeader(await a.get(back.pathname + back.search).expect(302), t.config.session.cookieName);
}

async function gql(cookie: string, query: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${engine.url}/v1/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
  const out = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  expect(out.errors).toBeUndefined();
  return out.data ?? {};
}

async function userIdOf(netId: string): Promise<number> {
  const r = await t.owner.query<{ user_id: number }>(
    `select user_id from user_identities where provider = 'cas' and issuer = $1 and subject = $2`,
    [cas.baseUrl, netId],
  );
  expect(r.rows).toHaveLength(1);
  return r.rows[0]?.user_id ?? 0;
}

describe('import:coursetable', () => {
  it('a dry run reports the import and writes nothing', async () => {
    const before = await snapshot();
    const dry = await run({ dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.tables['worksheets']?.inserted).toBe(4);
    expect(await snapshot()).toEqual(before);
  });

  it('copies users, worksheets, wishlist, friends, requests, profiles and saved searches, counting what it skips', async () => {
    first = await run();
    expect(first.tables).toEqual({
      users: { inserted: 4, present: 0 },
      profile_fields: { inserted: 7, present: 0 },
      worksheets: { inserted: 4, present: 0 },
      worksheet_courses: { inserted: 5, present: 0 },
      wishlist_items: { inserted: 2, present: 0 },
      friendships: { inserted: 4, present: 0 },
      friend_requests: { inserted: 1, present: 0 },
      saved_searches: { inserted: 1, present: 0 },
    });
    expect(first.emailsLeftOff).toBe(1);
    expect(first.skipped).toEqual({
      'worksheet in a season not in the catalog': 1,
      'worksheet course of a worksheet not imported': 1,
      'wishlist item in a season not in the catalog': 1,
      'friendship with oneself': 1,
      'friend request between friends': 1,
    });
    expect(first.adjusted).toMatchObject({
      'colour written as #rrggbb': 4,
      'colour that is not a colour replaced': 1,
      'unknown hidden state imported as shown': 2,
      'empty worksheet name given a default': 1,
    });
  });

  it('running it again changes nothing', async () => {
    const before = await snapshot();
    const again = await run();
    for (const [table, c] of Object.entries(again.tables)) {
      expect(c.inserted, table).toBe(0);
      expect(c.present, table).toBe(first.tables[table]?.inserted);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('each user logs in with CAS and the GraphQL API returns their worksheets, wishlist and friends', async () => {
    const [alice, carl, eve] = [await userIdOf('ab123'), await userIdOf('cd456'), await userIdOf('ef789')];
    const cookie = await casLogin('ab123');
    const me = (await (
      await agent(t).get('/api/auth/check').set('cookie', cookie)
    ).body) as {
      user: { id: number; displayName: string; email: string; role: string };
    };
    expect(me.user).toMatchObject({
      id: alice,
      displayName: 'Ally Anders',
      email: 'alice.anders@yale.edu',
      role: 'student_evals',
    });
    const data = await gql(
      cookie,
      `{ worksheets(where: {user_id: {_eq: ${alice}}}, order_by: [{season_code: asc}, {worksheet_number: asc}]) {
           season_code worksheet_number name private
           worksheet_courses(order_by: {crn: asc}) { crn color hidden } }
         wishlist_items(order_by: {crn: asc}) { season_code crn }
         friendships(order_by: {friend_user_id: asc}) { friend_user_id }
         saved_searches { name query } }`,
    );
    expect(data['worksheets']).toEqual([
      {
        season_code: '202601',
        worksheet_number: 0,
        name: 'Main Worksheet',
        private: false,
        worksheet_courses: [
          { crn: 10001, color: '#ff0000', hidden: false },
          { crn: 10002, color: '#0c2238', hidden: false },
        ],
      },
      {
        season_code: '202601',
        worksheet_number: 1,
        name: 'Plan B',
        private: true,
        worksheet_courses: [{ crn: 10003, color: '#ff0000', hidden: true }],
      },
    ]);
    expect(data['wishlist_items']).toEqual([{ season_code: '202603', crn: 20001 }]);
    expect(data['friendships']).toEqual([carl, eve].sort((a, b) => a - b).map((id) => ({ friend_user_id: id })));
    expect(data['saved_searches']).toEqual([
      { name: 'Fall CS', query: { season: '202601', subjects: ['CPSC', 'MATH'] } },
    ]);
  });

  it("a friend sees the other's public worksheets; revoked evaluations stay revoked; no account is joined by e-mail", async () => {
    const [alice, eve] = [await userIdOf('ab123'), await userIdOf('ef789')];
    const eveCookie = await casLogin('ef789');
    const seen = await gql(
      eveCookie,
      `{ worksheets(where: {user_id: {_eq: ${alice}}}, order_by: {worksheet_number: asc}) { name } }`,
    );
    expect(seen['worksheets']).toEqual([{ name: 'Main Worksheet' }]);
    const own = await gql(
      eveCookie,
      `{ worksheets(where: {user_id: {_eq: ${eve}}}) { name worksheet_courses { crn color } } }`,
    );
    expect(own['worksheets']).toEqual([{ name: 'Eve', worksheet_courses: [{ crn: 20002, color: '#aabbcc' }] }]);

    const carlCookie = await casLogin('cd456');
    const carl = (await agent(t).get('/api/auth/check').set('cookie', carlCookie)).body as {
      user: { email: string | null; role: string; displayName: string };
    };
    expect(carl.user).toMatchObject({ email: null, role: 'student', displayName: 'Carl Chen' });
    const holders = await t.owner.query(`select display_name from users where email = 'carl.chen@yale.edu'`);
    expect(holders.rows).toEqual([{ display_name: 'Someone else' }]);

    const gina = await casLogin('gh012');
    const requests = await gql(gina, `{ friend_requests { to_user_id } }`);
    expect(requests['friend_requests']).toEqual([{ to_user_id: alice }]);
  });

  it('a source without CourseTable tables is refused and nothing is written', async () => {
    const before = await snapshot();
    const empty = await emptyDatabase();
    try {
      await expect(run({ sourceUrl: empty.directUrl('ct_owner') })).rejects.toThrow(/studentBluebookSettings/);
    } finally {
      await empty.drop().catch(() => undefined);
    }
    expect(await snapshot()).toEqual(before);
  });
});
