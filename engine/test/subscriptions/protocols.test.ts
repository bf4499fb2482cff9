/**
 * Both websocket protocols end to end against a real engine and Postgres: connection_init auth (admin secret, JWT
 * with expiry), queries and mutations over the socket, live results after a write, stop/complete, Hasura's errors
 * and graphql-transport-ws close codes.
 */
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../stack/src/testing.js';
import type { TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer } from '../../src/index.js';
import { TestWsClient } from './ws-client.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const SECRET = 'proto-test-secret';
const JWT_KEY = 'a-very-long-test-signing-key-of-32+-chars';
const USER = 930001;

let db: TestDb;
let admin: pg.Client;
let server: { url: string; close(): Promise<void> };
let wsUrl: string;

function jwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', JWT_KEY).update(head).digest('base64url')}`;
}

const asStudent = { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student', 'x-hasura-user-id': String(USER) };
const asAdmin = { 'x-hasura-admin-secret': SECRET };

async function ready(protocol: string | undefined, headers: Record<string, string>): Promise<TestWsClient> {
  const c = await TestWsClient.open(wsUrl, protocol);
  c.send({ type: 'connection_init', payload: { headers } });
  await c.waitFor((m) => m.type === 'connection_ack');
  return c;
}

beforeAll(async () => {
  db = await cloneTemplate();
  admin = new pg.Client({ connectionString: db.directUrl('postgres') });
  await admin.connect();
  await admin.query(
    `insert into seasons (season_code, term, year) values ('209901', 'spring', 2099) on conflict do nothing`,
  );
  await admin.query(`insert into users (user_id, display_name) overriding system value values (${USER}, 'p')`);
  await admin.query(`insert into wishlist_items (user_id, season_code, crn) values (${USER}, '209901', 11)`);
  server = await startEngineServer({
    metadata: await loadMetadataDir(METADATA),
    databaseUrl: db.directUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: JWT_KEY }),
      HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: '200',
    },
    log: () => undefined,
  });
  wsUrl = `${server.url.replace('http', 'ws')}/v1/graphql`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await admin?.end();
  await db?.drop();
});

const SUB = 'subscription { wishlist_items(order_by: {crn: asc}) { crn } }';

describe('graphql-transport-ws', () => {
  it('acks, answers ping, runs a query, streams live results and stops on complete', async () => {
    const c = await ready('graphql-transport-ws', asStudent);
    expect(c.ws.protocol).toBe('graphql-transport-ws');
    c.send({ type: 'ping', payload: { x: 1 } });
    expect(await c.waitFor((m) => m.type === 'pong')).toEqual({ type: 'pong', payload: { x: 1 } });
    c.send({ type: 'subscribe', id: 'q', payload: { query: '{ wishlist_items { crn } }' } });
    expect(await c.waitFor((m) => m.id === 'q' && m.type === 'next')).toEqual({
      type: 'next',
      id: 'q',
      payload: { data: { wishlist_items: [{ crn: 11 }] } },
    });
    await c.waitFor((m) => m.id === 'q' && m.type === 'complete');
    c.send({ type: 'subscribe', id: 's', payload: { query: SUB } });
    await c.waitFor((m) => m.id === 's' && m.type === 'next');
    await admin.query(`insert into wishlist_items (user_id, season_code, crn) values (${USER}, '209901', 12)`);
    const m = await c.waitFor((x) => x.id === 's' && JSON.stringify(x.payload).includes('12'));
    expect(m.payload).toEqual({ data: { wishlist_items: [{ crn: 11 }, { crn: 12 }] } });
    c.send({ type: 'complete', id: 's' });
    await new Promise((r) => setTimeout(r, 300));
    const n = c.results('s').length;
    await admin.query(`delete from wishlist_items where crn = 12`);
    await new Promise((r) => setTimeout(r, 600));
    expect(c.results('s').length).toBe(n);
    await c.close();
  });

  it('rejects several root fields without @_multiple_top_level_fields, accepts them with it', async () => {
    const c = await ready('graphql-transport-ws', asStudent);
    c.send({
      type: 'subscribe',
      id: 'a',
      payload: { query: 'subscription { a: wishlist_items { crn } b: wishlist_items { user_id } }' },
    });
    const e = await c.waitFor((m) => m.id === 'a' && m.type === 'error');
    expect(e.payload).toEqual({
      errors: [
        {
          message: 'subscriptions must select one top level field',
          extensions: { path: '$', code: 'validation-failed' },
        },
      ],
    });
    await c.waitFor((m) => m.id === 'a' && m.type === 'complete');
    c.send({
      type: 'subscribe',
      id: 'b',
      payload: {
        query: 'subscription @_multiple_top_level_fields { a: wishlist_items { crn } b: wishlist_items { user_id } }',
      },
    });
    expect((await c.waitFor((m) => m.id === 'b' && m.type === 'next')).payload).toEqual({
      data: { a: [{ crn: 11 }], b: [{ user_id: USER }] },
    });
    await c.close();
  });

  it('validation errors come as error then complete', async () => {
    const c = await ready('graphql-transport-ws', asStudent);
    c.send({ type: 'subscribe', id: 'x', payload: { query: 'subscription { users_nope { id } }' } });
    const e = await c.waitFor((m) => m.id === 'x' && m.type === 'error');
    expect((e.payload as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'validation-failed',
    );
    await c.waitFor((m) => m.id === 'x' && m.type === 'complete');
    await c.close();
  });

  it('uses Hasura close codes: 4401 before init, 4429 second init, 4409 duplicate id, 4403 bad credentials', async () => {
    const a = await TestWsClient.open(wsUrl, 'graphql-transport-ws');
    a.send({ type: 'subscribe', id: '1', payload: { query: SUB } });
    expect(await a.waitClose()).toBe(4401);
    const b = await ready('graphql-transport-ws', asStudent);
    b.send({ type: 'connection_init', payload: {} });
    expect(await b.waitClose()).toBe(4429);
    const c = await ready('graphql-transport-ws', asStudent);
    c.send({ type: 'subscribe', id: '1', payload: { query: SUB } });
    c.send({ type: 'subscribe', id: '1', payload: { query: SUB } });
    expect(await c.waitClose()).toBe(4409);
    expect(c.closeReason).toBe('Subscriber for 1 already exists');
    const d = await TestWsClient.open(wsUrl, 'graphql-transport-ws');
    d.send({ type: 'connection_init', payload: { headers: { 'x-hasura-admin-secret': 'wrong' } } });
    expect(await d.waitClose()).toBe(4403);
  });

  it('closes the socket when the JWT expires', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = jwt({
      exp,
      'https://hasura.io/jwt/claims': {
        'x-hasura-allowed-roles': ['student'],
        'x-hasura-default-role': 'student',
        'x-hasura-user-id': String(USER),
      },
    });
    const c = await ready('graphql-transport-ws', { Authorization: `Bearer ${token}` });
    c.send({ type: 'subscribe', id: 's', payload: { query: SUB } });
    await c.waitFor((m) => m.id === 's' && m.type === 'next');
    expect(await c.waitClose(5000)).toBe(4403);
  });
});

describe('Apollo subscriptions-transport-ws', () => {
  it('acks with ka, runs a mutation, streams data, stop ends it, connection_terminate closes', async () => {
    const c = await ready('graphql-ws', asAdmin);
    await c.waitFor((m) => m.type === 'ka');
    c.send({
      type: 'start',
      id: 's',
      payload: {
        query: `subscription { wishlist_items(where: {user_id: {_eq: ${USER}}}, order_by: {crn: asc}) { crn } }`,
      },
    });
    expect((await c.waitFor((m) => m.id === 's' && m.type === 'data')).payload).toEqual({
      data: { wishlist_items: [{ crn: 11 }] },
    });
    c.send({
      type: 'start',
      id: 'm',
      payload: {
        query: `mutation { insert_wishlist_items_one(object: {user_id: ${USER}, season_code: "209901", crn: 13}) { crn } }`,
      },
    });
    const m = await c.waitFor((x) => x.id === 'm' && (x.type === 'data' || x.type === 'error'));
    expect(m).toEqual({ type: 'data', id: 'm', payload: { data: { insert_wishlist_items_one: { crn: 13 } } } });
    await c.waitFor((x) => x.id === 'm' && x.type === 'complete');
    expect((await c.waitFor((x) => x.id === 's' && JSON.stringify(x.payload).includes('13'))).payload).toEqual({
      data: { wishlist_items: [{ crn: 11 }, { crn: 13 }] },
    });
    c.send({ type: 'stop', id: 's' });
    c.send({ type: 'connection_terminate' });
    expect(await c.waitClose()).toBe(1000);
  });

  it('connection_error on bad credentials; start before init is an error', async () => {
    const c = await TestWsClient.open(wsUrl, undefined);
    c.send({ type: 'start', id: '1', payload: { query: SUB } });
    expect((await c.waitFor((m) => m.type === 'error')).payload).toEqual({
      errors: [
        {
          extensions: { path: '$', code: 'start-failed' },
          message: 'start received before the connection is initialised',
        },
      ],
    });
    c.send({ type: 'connection_init', payload: { headers: { 'x-hasura-admin-secret': 'wrong' } } });
    expect(await c.waitFor((m) => m.type === 'connection_error')).toEqual({
      type: 'connection_error',
      payload: 'invalid x-hasura-admin-secret/x-hasura-access-key',
    });
    await c.close();
  });

  it('refuses other paths with 404', async () => {
    await expect(TestWsClient.open(`${server.url.replace('http', 'ws')}/v1/nope`, undefined)).rejects.toThrow(/404/);
  });
});
