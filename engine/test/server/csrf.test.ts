/**
 * Cross-site request forgery on `/v1/graphql` (issue 14, finding 3), against a real engine, a real Postgres clone
 * and a real auth webhook that authenticates by cookie (as the API's does): GET is refused as Hasura OSS v2.48 does
 * (`PersistedQueryNotSupported`), and a cookie-carrying POST must have a JSON content type (what a cross-site form
 * cannot send without a CORS pre-flight). Nothing a refused request asks for reaches the database.
 */
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../src/index.js';
import { json, startPeer, type Peer } from './peers.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const USER = 930_314;
const SEASON = '209903';
const COOKIE = 'sid=valid-session';

let db: TestDb;
let admin: pg.Client;
let hook: Peer;
let engine: EngineServer;

interface Reply {
  status: number;
  body: unknown;
}

/** One exact HTTP exchange (no client-added headers: a missing Content-Type stays missing). */
function raw(path: string, method: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${engine.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: compared as text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const gqlErr = (code: string, message: string): unknown => ({ errors: [{ extensions: { path: '$', code }, message }] });

const wishlistCount = async (): Promise<number> =>
  Number(
    (await admin.query<{ n: string }>('select count(*) as n from wishlist_items where user_id = $1', [USER])).rows[0]
      ?.n,
  );

const insertMutation = (crn: number): string =>
  `mutation { insert_wishlist_items_one(object: {season_code: "${SEASON}", crn: ${crn}}) { crn } }`;

beforeAll(async () => {
  db = await cloneTemplate();
  admin = new pg.Client({ connectionString: db.directUrl('postgres') });
  await admin.connect();
  await admin.query(
    `insert into seasons (season_code, term, year) values ('${SEASON}', 'fall', 2099) on conflict do nothing`,
  );
  await admin.query(`insert into users (user_id, display_name) overriding system value values (${USER}, 'csrf')`);
  // The API's webhook in miniature: the session cookie makes a student, anything else is anonymous.
  hook = await startPeer((c, res) =>
    json(
      res,
      200,
      (c.headers['cookie'] ?? '').includes(COOKIE)
        ? { 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': String(USER) }
        : { 'X-Hasura-Role': 'anonymous' },
    ),
  );
  engine = await startEngineServer({
    metadata: await loadMetadataDir(METADATA),
    databaseUrl: db.directUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: 'csrf-test-admin-secret',
      HASURA_GRAPHQL_AUTH_HOOK: `${hook.url}/`,
      HASURA_GRAPHQL_AUTH_HOOK_MODE: 'GET',
    },
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  await hook?.close();
  await admin?.end();
  await db?.drop();
});

describe('CSRF on /v1/graphql', () => {
  it('refuses a GET mutation carrying the session cookie like Hasura OSS (CSRF by link or <img>): nothing changes', async () => {
    const before = await wishlistCount();
    const q = encodeURIComponent(insertMutation(41));
    const r = await raw(`/v1/graphql?query=${q}`, 'GET', { cookie: COOKIE });
    expect(r).toEqual({ status: 200, body: gqlErr('not-supported', 'PersistedQueryNotSupported') });
    expect(await wishlistCount()).toBe(before);
    // A plain GET query is refused the same way (Hasura OSS serves GET only for Enterprise persisted queries).
    const query = await raw(`/v1/graphql?query=${encodeURIComponent('{ seasons { season_code } }')}`, 'GET', {});
    expect(query).toEqual({ status: 200, body: gqlErr('not-supported', 'PersistedQueryNotSupported') });
    // The same mutation as a JSON POST is valid and does write: the GET was refused, not merely malformed.
    const ok = await raw(
      '/v1/graphql',
      'POST',
      { cookie: COOKIE, 'content-type': 'application/json' },
      JSON.stringify({ query: insertMutation(41) }),
    );
    expect(ok.body).toEqual({ data: { insert_wishlist_items_one: { crn: 41 } } });
    expect(await wishlistCount()).toBe(before + 1);
  });

  it.each([
    ['text/plain'],
    ['text/plain;charset=UTF-8'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=----x'],
    [undefined],
  ])(
    'refuses a cookie-carrying POST with Content-Type %s (cross-site form CSRF): nothing changes',
    async (contentType) => {
      const before = await wishlistCount();
      const headers: Record<string, string> = { cookie: COOKIE };
      if (contentType !== undefined) headers['content-type'] = contentType;
      // A cross-site form can send a body that parses as JSON (text/plain `name={"query":…}`), so the body is valid.
      const body = JSON.stringify({ query: insertMutation(42) });
      const refusal = gqlErr(
        'bad-request',
        'a request carrying a Cookie header must have Content-Type: application/json',
      );
      expect(await raw('/v1/graphql', 'POST', headers, body)).toEqual({ status: 200, body: refusal });
      expect(await raw('/v1alpha1/graphql', 'POST', headers, body)).toEqual({ status: 400, body: refusal });
      expect(await wishlistCount()).toBe(before);
    },
  );

  it('keeps serving JSON POSTs with the cookie, and cookie-less POSTs of any content type (Hasura ignores it)', async () => {
    const mine = await raw(
      '/v1/graphql',
      'POST',
      { cookie: COOKIE, 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify({ query: '{ wishlist_items(where: {crn: {_eq: 41}}) { crn } }' }),
    );
    expect(mine.body).toEqual({ data: { wishlist_items: [{ crn: 41 }] } });
    const anon = await raw(
      '/v1/graphql',
      'POST',
      { 'content-type': 'text/plain' },
      JSON.stringify({ query: `{ seasons(where: {season_code: {_eq: "${SEASON}"}}) { season_code } }` }),
    );
    expect(anon.body).toEqual({ data: { seasons: [{ season_code: SEASON }] } });
  });
});
