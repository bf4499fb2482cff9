/**
 * Cross-site attacks on the GraphQL endpoint through the real stack (issue 14, findings 3 and 7): the gateway
 * (traefik/ routes and docker-compose.yml labels), the API (sessions in Redis, the auth webhook that reads the session
 * cookie) and the engine, on a database of the test's own. A real user signs up, logs in and gets the real cookie;
 * then a forged GET mutation (a link or `<img>` on another site), a forged text/plain form POST and a websocket opened
 * from a foreign `Origin` must get nothing, while the same requests from the app's own origin work.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApps, type RunningApps } from '../../stack/src/apps.js';
import { cloneTemplate, testStack, type TestDb } from '../../stack/src/testing.js';
import { send } from '../src/http.js';

/** The session cookie's name (a `__Host-` prefix is allowed). */
const COOKIE = 'coursetable.session';
const EVIL = 'https://evil.example';

let db: TestDb;
let apps: RunningApps;
let owner: pg.Client;
let gw = '';
let cookie = '';
let setCookie = '';
let userId = 0;
let season = '';

const wishlistCount = async (): Promise<number> =>
  Number(
    (await owner.query<{ n: string }>('select count(*) as n from wishlist_items where user_id = $1', [userId])).rows[0]
      ?.n,
  );

const mutation = (crn: number): string =>
  `mutation { insert_wishlist_items_one(object: {season_code: "${season}", crn: ${crn}}) { crn } }`;

interface WsOutcome {
  status?: number;
  body?: string;
  closed?: number;
  messages: Array<{ type: string; id?: string; payload?: unknown }>;
}

/** Open a graphql-transport-ws socket through the gateway, init with no payload headers, subscribe to worksheets. */
function worksheetsOverWs(headers: Record<string, string>): Promise<WsOutcome> {
  const out: WsOutcome = { messages: [] };
  const ws = new WebSocket(`${gw.replace('http', 'ws')}/v1/graphql`, 'graphql-transport-ws', { headers });
  ws.on('error', () => undefined);
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      ws.terminate();
      resolve(out);
    };
    const timer = setTimeout(finish, 8000);
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        out.status = res.statusCode ?? 0;
        out.body = Buffer.concat(chunks).toString('utf8');
        finish();
      });
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('close', (code: number) => {
      out.closed = code;
      finish();
    });
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString('utf8')) as WsOutcome['messages'][number];
      out.messages.push(m);
      if (m.type === 'connection_ack')
        ws.send(
          JSON.stringify({ type: 'subscribe', id: 'w', payload: { query: 'subscription { worksheets { name } }' } }),
        );
      if (m.id === 'w') finish();
    });
  });
}

beforeAll(async () => {
  db = await cloneTemplate();
  apps = await startApps({
    stack: testStack(),
    db: db.name,
    env: { REDIS_KEY_PREFIX: `xsite:${randomBytes(4).toString('hex')}:`, LOG_LEVEL: 'warn' },
    log: () => undefined,
  });
  gw = apps.urls['gateway'] ?? '';
  owner = new pg.Client({ connectionString: db.directUrl('postgres') });
  await owner.connect();
  season = (await owner.query<{ season_code: string }>('select season_code from seasons limit 1')).rows[0]
    ?.season_code as string;
  // Sign up, then log in (sign-up may answer 202 without a session until the address is verified).
  const account = {
    email: `xsite-${randomBytes(4).toString('hex')}@example.edu`,
    password: 'correct horse battery staple',
  };
  const signup = await send(`${gw}/api/auth/password/signup`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, displayName: 'Cross Site' }),
  });
  expect([201, 202], signup.body).toContain(signup.status);
  const login = await send(`${gw}/api/auth/password/login`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  expect(login.status, login.body).toBe(200);
  userId = (JSON.parse(login.body) as { user: { id: number } }).user.id;
  setCookie =
    ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.split('=')[0]?.endsWith(COOKIE)) ?? '';
  cookie = setCookie.split(';')[0] ?? '';
  expect(cookie).not.toBe('');
  await owner.query(
    `insert into worksheets (user_id, season_code, worksheet_number, name) values ($1, $2, 1, 'my secret plans')`,
    [userId, season],
  );
}, 180_000);

afterAll(async () => {
  await owner?.end();
  await apps?.stop();
  await db?.drop().catch(() => undefined);
});

describe('cross-site requests through the gateway with a real session cookie', () => {
  it('the session cookie is HttpOnly and SameSite=Lax or Strict', () => {
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  });

  it('a GET mutation with a valid session cookie changes nothing (CSRF by link or <img>)', async () => {
    expect(await wishlistCount()).toBe(0);
    const get = await send(`${gw}/v1/graphql?query=${encodeURIComponent(mutation(7))}`, {
      method: 'GET',
      headers: { cookie },
    });
    expect([get.status, JSON.parse(get.body)]).toEqual([
      200,
      { errors: [{ extensions: { path: '$', code: 'not-supported' }, message: 'PersistedQueryNotSupported' }] },
    ]);
    // A cross-site form can only POST text/plain (or a form type): refused as well.
    const form = await send(`${gw}/v1/graphql`, {
      headers: { cookie, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: mutation(8) }),
    });
    expect(
      (JSON.parse(form.body) as { errors?: Array<{ extensions: { code: string } }> }).errors?.[0]?.extensions,
    ).toEqual({ path: '$', code: 'bad-request' });
    expect(await wishlistCount()).toBe(0);
    // The app's own JSON POST with the same cookie and mutation writes: the cookie and the mutation are valid.
    const app = await send(`${gw}/v1/graphql`, {
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ query: mutation(7) }),
    });
    expect(JSON.parse(app.body)).toEqual({ data: { insert_wishlist_items_one: { crn: 7 } } });
    expect(await wishlistCount()).toBe(1);
  });

  it('a websocket from a foreign Origin with a valid cookie gets no data (cross-site websocket hijacking)', async () => {
    const evil = await worksheetsOverWs({ Origin: EVIL, Cookie: cookie });
    console.log(
      `foreign-origin websocket: status ${evil.status ?? '101'}, close ${evil.closed ?? '-'}, messages ${JSON.stringify(evil.messages).slice(0, 200)}`,
    );
    expect(JSON.stringify(evil.messages)).not.toContain('my secret plans');
    expect(evil.messages.some((m) => m.type === 'next')).toBe(false);
    // docker-compose.yml sets HASURA_GRAPHQL_CORS_DOMAIN to FRONTEND_URL: the upgrade is refused as Hasura does.
    expect(evil.status).toBe(400);
    expect(JSON.parse(evil.body ?? '')).toEqual({
      errors: [
        {
          extensions: { path: '$', code: 'access-denied' },
          message: 'received origin header does not match configured CORS domains',
        },
      ],
    });
    // The app's own origin (FRONTEND_URL, the gateway here) with the same cookie reads the user's worksheets: the
    // gateway passes Origin and Cookie through unchanged, and the refusal above is the Origin's doing.
    const own = await worksheetsOverWs({ Origin: gw, Cookie: cookie });
    expect(own.messages.find((m) => m.id === 'w')).toEqual({
      type: 'next',
      id: 'w',
      payload: { data: { worksheets: [{ name: 'my secret plans' }] } },
    });
  });
});
