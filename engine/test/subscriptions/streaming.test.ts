/**
 * Streaming subscriptions: `<t>_stream(batch_size, cursor, where)` returns batches in cursor order, the server
 * advances the cursor after each batch, new rows past the cursor arrive as new batches, nothing is re-sent.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../stack/src/testing.js';
import type { TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer } from '../../src/index.js';
import { TestWsClient } from './ws-client.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const SECRET = 'stream-test-secret';
const USER = 940001;
const OTHER = 940002;

let db: TestDb;
let admin: pg.Client;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await cloneTemplate();
  admin = new pg.Client({ connectionString: db.directUrl('postgres') });
  await admin.connect();
  await admin.query(
    `insert into seasons (season_code, term, year) values ('209901', 'spring', 2099) on conflict do nothing`,
  );
  await admin.query(
    `insert into users (user_id, display_name) overriding system value values (${USER}, 's'), (${OTHER}, 'o')`,
  );
  await admin.query(
    `insert into wishlist_items (user_id, season_code, crn) values (${USER}, '209901', 10), (${USER}, '209901', 20), (${USER}, '209901', 30), (${OTHER}, '209901', 15)`,
  );
  server = await startEngineServer({
    metadata: await loadMetadataDir(METADATA),
    databaseUrl: db.directUrl('ct_engine'),
    env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET, HASURA_GRAPHQL_STREAMING_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: '150' },
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await admin?.end();
  await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<t>_stream', () => {
  it('streams batches after the cursor and advances it on the server', async () => {
    const c = await TestWsClient.open(`${server.url.replace('http', 'ws')}/v1/graphql`, 'graphql-transport-ws');
    c.send({
      type: 'connection_init',
      payload: {
        headers: { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student', 'x-hasura-user-id': String(USER) },
      },
    });
    await c.waitFor((m) => m.type === 'connection_ack');
    c.send({
      type: 'subscribe',
      id: 's',
      payload: {
        query:
          'subscription ($c: Int!) { items: wishlist_items_stream(batch_size: 2, cursor: {initial_value: {crn: $c}, ordering: ASC}) { crn user_id } }',
        variables: { c: 0 },
      },
    });
    await c.waitFor(() => c.results('s').length >= 2);
    await sleep(500);
    expect(c.results('s')).toEqual([
      {
        data: {
          items: [
            { crn: 10, user_id: USER },
            { crn: 20, user_id: USER },
          ],
        },
      },
      { data: { items: [{ crn: 30, user_id: USER }] } },
    ]);
    await admin.query(
      `insert into wishlist_items (user_id, season_code, crn) values (${USER}, '209901', 40), (${OTHER}, '209901', 45), (${USER}, '209901', 5)`,
    );
    await c.waitFor(() => c.results('s').length >= 3);
    await sleep(400);
    // 5 is behind the cursor; the other user's row is filtered by the permission.
    expect(c.results('s').slice(2)).toEqual([{ data: { items: [{ crn: 40, user_id: USER }] } }]);

    c.send({
      type: 'subscribe',
      id: 'd',
      payload: {
        query:
          'subscription { wishlist_items_stream(batch_size: 10, cursor: [{initial_value: {crn: 35}, ordering: DESC}], where: {crn: {_gt: 6}}) { crn } }',
      },
    });
    await c.waitFor((m) => m.id === 'd');
    await sleep(400);
    expect(c.results('d')).toEqual([{ data: { wishlist_items_stream: [{ crn: 30 }, { crn: 20 }, { crn: 10 }] } }]);
    await c.close();
  });

  it('is in the subscription root with Hasura cursor types', async () => {
    const r = await fetch(`${server.url}/v1/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student' },
      body: JSON.stringify({
        query:
          '{ __type(name: "wishlist_items_stream_cursor_input") { inputFields { name type { name kind ofType { name } } } } }',
      }),
    });
    expect(await r.json()).toEqual({
      data: {
        __type: {
          inputFields: [
            {
              name: 'initial_value',
              type: { name: null, kind: 'NON_NULL', ofType: { name: 'wishlist_items_stream_cursor_value_input' } },
            },
            { name: 'ordering', type: { name: 'cursor_ordering', kind: 'ENUM', ofType: null } },
          ],
        },
      },
    });
  });
});
