/**
 * The upstream action tests' handler against our engine: its callbacks (`user(where: …)`, `insert_user_one`) reach
 * the class's engine with the admin secret, and its answers carry exactly the headers the cases expect.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../../../stack/src/testing.js';
import { startActionHandler } from '../action-handler.js';
import type { ActionHandler } from '../action-handler.js';
import { stackDatabases } from '../pg-cluster.js';
import { emptyMetadata, translateSetup } from '../setup/metadata-ops.js';
import { loadStartEngineServer } from '../targets.js';
import type { FreshDatabase } from '../types.js';

const SECRET = 'handler-test-secret';
let db: FreshDatabase;
let handler: ActionHandler;
let engine: { url: string; close(): Promise<void> };
let base = '';
const dbs = stackDatabases(testStack());

beforeAll(async () => {
  db = await dbs.fresh();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  await c.query(`CREATE TABLE "user"(id SERIAL PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);
    INSERT INTO "user"(name, email) VALUES ('Clarke 1', 'clarke@gmail.com'), ('Clarke 2', 'clarke@gmail.com')`);
  await c.end();
  const { metadata } = translateSetup(
    { type: 'track_table', args: { schema: 'public', name: 'user' } },
    emptyMetadata(),
  );
  const start = await loadStartEngineServer();
  engine = await start({
    metadata,
    databaseUrl: db.url,
    env: { HASURA_GRAPHQL_ADMIN_SECRET: SECRET },
    host: '127.0.0.1',
    port: 0,
  });
  handler = await startActionHandler();
  base = handler.register({ engineUrl: () => Promise.resolve(engine.url), adminSecret: SECRET }).base;
}, 60_000);

afterAll(async () => {
  await handler?.close();
  await engine?.close();
  await db?.drop();
  await dbs.close();
});

const call = async (route: string, input: unknown) => {
  const res = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: { name: 'x' }, input, session_variables: { 'x-hasura-role': 'admin' } }),
  });
  return { status: res.status, headers: [...res.headers.entries()], body: await res.json() };
};

describe('action handler', () => {
  it('looks users up through the engine with the admin secret', async () => {
    const r = await call('/get-users-by-email', { email: 'clarke@gmail.com' });
    expect(r).toEqual({
      status: 200,
      headers: [
        ['content-type', 'application/json'],
        ['set-cookie', 'abcd'],
      ],
      body: [{ id: 1 }, { id: 2 }],
    });
    expect((await call('/get-user-by-email-nested', { email: 'clarke@gmail.com' })).body).toMatchObject({
      id: 1,
      user_id: { id: 1 },
      address: { city: 'New York', country: 'USA' },
    });
  });

  it('validates the email before calling back, and answers 400 with the error', async () => {
    expect(await call('/create-user', { email: 'random-email', name: 'Clarke' })).toMatchObject({
      status: 400,
      body: { message: 'Given email address is not valid', code: 'invalid-email' },
    });
  });

  it('answers the fixed routes and mirrors its input', async () => {
    expect((await call('/mirror-action', { arg: { id: 'some-id', name: 'Alice' } })).body).toEqual({
      id: 'some-id',
      name: 'Alice',
    });
    expect((await call('/intentional-error', { blob: { message: 'm', code: 'c' } })).status).toBe(400);
    expect((await call('/null-response', {})).body).toBeNull();
    expect((await call('/scalar-array-response', {})).body).toEqual(['foo', 'bar', null]);
  });
});
