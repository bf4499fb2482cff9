/**
 * Websocket guards on `/v1/graphql` (issue 14, finding 7) against real engines, a real Postgres clone and a real
 * cookie-authenticating webhook: the upgrade's `Origin` against `HASURA_GRAPHQL_CORS_DOMAIN` (cross-site websocket
 * hijacking), the cookie of a cross-origin upgrade when CORS is `*` or disabled, the per-connection subscription cap,
 * the frame size cap and the `connection_init` deadline for both protocols.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer, type EngineServer } from '../../src/index.js';
import type { HasuraMetadata } from '../../src/metadata/types.js';
import { json, startPeer, type Peer } from '../server/peers.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const USER = 930_714;
const SEASON = '209904';
const COOKIE = 'sid=valid-session';
const EVIL = 'https://evil.example';
const APP = 'https://app.example';
const WORKSHEETS = 'subscription { worksheets { name } }';
const MINE = { worksheets: [{ name: 'secret plans' }] };

let db: TestDb;
let admin: pg.Client;
let hook: Peer;
let metadata: HasuraMetadata;
const engines: EngineServer[] = [];

async function engine(env: Record<string, string>): Promise<EngineServer> {
  const s = await startEngineServer({
    metadata,
    databaseUrl: db.directUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: 'ws-guards-admin-secret',
      HASURA_GRAPHQL_AUTH_HOOK: `${hook.url}/`,
      HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: '200',
      ...env,
    },
    log: () => undefined,
  });
  engines.push(s);
  return s;
}

interface Opened {
  protocol: string;
  ws?: WebSocket;
  status?: number;
  body?: string;
  messages: Array<{ type: string; id?: string; payload?: unknown }>;
  closed?: number;
}

/** Open a socket; a refused upgrade resolves with its status and body instead of throwing. */
function open(s: EngineServer, protocol: string, headers: Record<string, string>): Promise<Opened> {
  const out: Opened = { protocol, messages: [] };
  const ws = new WebSocket(`${s.url.replace('http', 'ws')}/v1/graphql`, protocol, { headers });
  ws.on('message', (d: Buffer) => out.messages.push(JSON.parse(d.toString('utf8')) as Opened['messages'][number]));
  ws.on('close', (code: number) => (out.closed = code));
  ws.on('error', () => undefined);
  return new Promise((resolve) => {
    ws.once('open', () => resolve(Object.assign(out, { ws })));
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve(Object.assign(out, { status: res.statusCode, body: Buffer.concat(chunks).toString() })),
      );
    });
  });
}

async function until(pred: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const send = (o: Opened, msg: unknown): void => o.ws?.send(JSON.stringify(msg));

/** connection_init (no payload headers: the upgrade's cookie is the only credential), then one subscription. */
async function subscribe(o: Opened, id = '1', query = WORKSHEETS): Promise<Opened['messages'][number]> {
  if (!o.messages.some((m) => m.type === 'connection_ack')) {
    send(o, { type: 'connection_init', payload: {} });
    await until(() => o.messages.some((m) => m.type === 'connection_ack') || o.closed !== undefined);
  }
  send(o, { type: o.protocol === 'graphql-ws' ? 'start' : 'subscribe', id, payload: { query } });
  await until(() => o.messages.some((m) => m.id === id && m.type !== 'complete') || o.closed !== undefined);
  const m = o.messages.find((x) => x.id === id && x.type !== 'complete');
  if (!m) throw new Error(`no answer for ${id}; closed ${o.closed}`);
  return m;
}

beforeAll(async () => {
  db = await cloneTemplate();
  admin = new pg.Client({ connectionString: db.directUrl('postgres') });
  await admin.connect();
  await admin.query(
    `insert into seasons (season_code, term, year) values ('${SEASON}', 'fall', 2099) on conflict do nothing`,
  );
  await admin.query(`insert into users (user_id, display_name) overriding system value values (${USER}, 'ws')`);
  await admin.query(
    `insert into worksheets (user_id, season_code, worksheet_number, name) values (${USER}, '${SEASON}', 1, 'secret plans')`,
  );
  hook = await startPeer((c, res) =>
    json(
      res,
      200,
      (c.headers['cookie'] ?? '').includes(COOKIE)
        ? { 'X-Hasura-Role': 'student', 'X-Hasura-User-Id': String(USER) }
        : { 'X-Hasura-Role': 'anonymous' },
    ),
  );
  metadata = await loadMetadataDir(METADATA);
}, 60_000);

afterAll(async () => {
  await Promise.all(engines.map((s) => s.close()));
  await hook?.close();
  await admin?.end();
  await db?.drop();
});

describe('Origin of the upgrade (cross-site websocket hijacking)', () => {
  it('refuses an upgrade from an Origin outside HASURA_GRAPHQL_CORS_DOMAIN like Hasura (400 access-denied)', async () => {
    const s = await engine({ HASURA_GRAPHQL_CORS_DOMAIN: APP });
    const evil = await open(s, 'graphql-transport-ws', { Origin: EVIL, Cookie: COOKIE });
    expect(evil.status).toBe(400);
    expect(JSON.parse(evil.body ?? '')).toEqual({
      errors: [
        {
          extensions: { path: '$', code: 'access-denied' },
          message: 'received origin header does not match configured CORS domains',
        },
      ],
    });
    // The listed origin and a client without Origin (not a browser) get the cookie's user.
    for (const headers of [{ Origin: APP, Cookie: COOKIE }, { Cookie: COOKIE }]) {
      const ok = await open(s, 'graphql-transport-ws', headers);
      expect((await subscribe(ok)).payload).toEqual({ data: MINE });
      ok.ws?.terminate();
    }
  });

  it("with CORS '*', a cross-origin upgrade is not authenticated by its cookie (only anonymous data)", async () => {
    const s = await engine({});
    const evil = await open(s, 'graphql-ws', { Origin: EVIL, Cookie: COOKIE });
    const m = await subscribe(evil);
    // anonymous has no worksheets at all: a validation error, never the student's rows
    expect(m.type).toBe('error');
    expect(JSON.stringify(m.payload)).toContain("field 'worksheets' not found in type: 'subscription_root'");
    evil.ws?.terminate();
    const same = await open(s, 'graphql-ws', { Origin: s.url, Cookie: COOKIE });
    expect((await subscribe(same)).payload).toEqual({ data: MINE });
    same.ws?.terminate();
  });

  it('with CORS disabled, the cookie of an upgrade with an Origin is not read unless HASURA_GRAPHQL_WS_READ_COOKIE', async () => {
    const off = await engine({ HASURA_GRAPHQL_DISABLE_CORS: 'true' });
    const dropped = await open(off, 'graphql-ws', { Origin: off.url, Cookie: COOKIE });
    expect((await subscribe(dropped)).type).toBe('error');
    dropped.ws?.terminate();
    const read = await engine({ HASURA_GRAPHQL_DISABLE_CORS: 'true', HASURA_GRAPHQL_WS_READ_COOKIE: 'true' });
    const kept = await open(read, 'graphql-ws', { Origin: read.url, Cookie: COOKIE });
    expect((await subscribe(kept)).payload).toEqual({ data: MINE });
    kept.ws?.terminate();
  });
});

describe('per-connection limits', () => {
  let s: EngineServer;
  beforeAll(async () => {
    s = await engine({
      ENGINE_WS_MAX_SUBSCRIPTIONS: '3',
      ENGINE_WS_MAX_FRAME_BYTES: '4096',
      HASURA_GRAPHQL_WEBSOCKET_CONNECTION_INIT_TIMEOUT: '1',
    });
  });

  it.each(['graphql-transport-ws', 'graphql-ws'])(
    '%s: refuses the subscription over ENGINE_WS_MAX_SUBSCRIPTIONS (subscription flood); the others stay live',
    async (protocol) => {
      const c = await open(s, protocol, { Cookie: COOKIE });
      for (const id of ['a', 'b', 'c']) expect((await subscribe(c, id)).payload).toEqual({ data: MINE });
      const over = await subscribe(c, 'd');
      expect(over.type).toBe('error');
      expect(over.payload).toEqual({
        errors: [
          {
            extensions: { path: '$', code: 'start-failed' },
            message: 'too many subscriptions on this connection (limit 3)',
          },
        ],
      });
      expect(c.closed).toBeUndefined();
      // Stopping one frees a place.
      send(c, protocol === 'graphql-ws' ? { type: 'stop', id: 'a' } : { type: 'complete', id: 'a' });
      await new Promise((r) => setTimeout(r, 100));
      expect((await subscribe(c, 'e')).payload).toEqual({ data: MINE });
      c.ws?.terminate();
    },
  );

  it('closes the socket with 1009 on a frame over ENGINE_WS_MAX_FRAME_BYTES (16 MiB frame flood)', async () => {
    const c = await open(s, 'graphql-ws', { Cookie: COOKIE });
    const small = await subscribe(c, 'small', `subscription { worksheets { name } } # ${'x'.repeat(3000)}`);
    expect(small.payload).toEqual({ data: MINE });
    c.ws?.send(
      JSON.stringify({ type: 'start', id: 'big', payload: { query: `{ __typename } # ${'x'.repeat(5000)}` } }),
    );
    await until(() => c.closed !== undefined);
    expect(c.closed).toBe(1009);
    expect(c.messages.some((m) => m.id === 'big')).toBe(false);
  });

  it('closes a graphql-ws (Apollo) socket that never sends connection_init within the timeout, as graphql-transport-ws (idle socket hoarding)', async () => {
    for (const protocol of ['graphql-ws', 'graphql-transport-ws']) {
      const c = await open(s, protocol, {});
      const started = Date.now();
      await until(() => c.closed !== undefined, 4000);
      expect([protocol, c.closed]).toEqual([protocol, 4408]);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(c.messages).toEqual([]);
    }
  });

  it('refuses invalid limit settings at start-up', async () => {
    for (const [k, v] of [
      ['ENGINE_WS_MAX_SUBSCRIPTIONS', '0'],
      ['ENGINE_WS_MAX_SUBSCRIPTIONS', 'many'],
      ['ENGINE_WS_MAX_FRAME_BYTES', '-1'],
    ] as const) {
      await expect(engine({ [k]: v })).rejects.toThrow(new RegExp(`${k}: expected a positive integer`));
    }
  });
});
