/**
 * A mutation made of synchronous actions holds no database connection while its handler answers (Hasura runs an
 * action as its own step, outside any transaction), so slow handlers cannot starve reads of the engine's pool.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDatabase } from '../../stack/src/testing.js';
import type { TestDb } from '../../stack/src/testing.js';
import { createRuntime, makeSession } from '../src/index.js';
import type { HasuraMetadata, Runtime } from '../src/index.js';

let db: TestDb;
let rt: Runtime;
let handler: Server;
let release: () => void = () => undefined;

function metadata(base: string): HasuraMetadata {
  return {
    version: 3,
    sources: [
      {
        name: 'default',
        kind: 'postgres',
        configuration: {},
        tables: [
          {
            table: { schema: 'public', name: 'items' },
            select_permissions: [{ role: 'user', permission: { columns: ['id'], filter: {} } }],
          },
        ],
      },
    ],
    actions: [
      {
        name: 'slow',
        definition: {
          kind: 'synchronous',
          type: 'mutation',
          handler: `${base}/slow`,
          output_type: 'Done',
          timeout: 30,
        },
        permissions: [{ role: 'user' }],
      },
    ],
    custom_types: { objects: [{ name: 'Done', fields: [{ name: 'ok', type: 'Boolean!' }] }] },
  };
}

beforeAll(async () => {
  db = await emptyDatabase();
  const c = new pg.Client({ connectionString: db.directUrl('ct_owner') });
  await c.connect();
  await c.query(
    'CREATE TABLE items (id int PRIMARY KEY); INSERT INTO items VALUES (1); GRANT SELECT ON items TO ct_engine',
  );
  await c.end();
  handler = createServer((req, res) => {
    req.resume();
    // answers only when the test says so
    release = () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    };
  });
  await new Promise<void>((ok) => handler.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(handler.address() as AddressInfo).port}`;
  rt = await createRuntime({
    metadata: metadata(base),
    databaseUrl: db.directUrl('ct_engine'),
    env: { HASURA_GRAPHQL_PG_CONNECTIONS: '1' },
  });
});

afterAll(async () => {
  await rt?.close();
  handler?.close();
  await db?.drop();
});

describe('synchronous action mutations and the connection pool', () => {
  it('a read is answered while a slow action handler holds its mutation (pool of one connection)', async () => {
    const session = makeSession('user', { 'x-hasura-user-id': '1' });
    let actionDone = false;
    const action = rt.execute({ query: 'mutation { slow { ok } }' }, session, { headers: {} }).then((r) => {
      actionDone = true;
      return JSON.parse(r.body) as unknown;
    });
    await new Promise((ok) => setTimeout(ok, 200)); // the handler has the request now
    const read = await Promise.race([
      rt.execute({ query: '{ items { id } }' }, session, { headers: {} }).then((r) => JSON.parse(r.body) as unknown),
      new Promise((ok) => setTimeout(() => ok('read blocked'), 3000)),
    ]);
    expect(read).toEqual({ data: { items: [{ id: 1 }] } });
    expect(actionDone).toBe(false);
    release();
    expect(await action).toEqual({ data: { slow: { ok: true } } });
  });
});
