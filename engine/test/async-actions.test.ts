/**
 * Asynchronous actions (Hasura v2: Execute/Action.hs `asyncActionsProcessor`, `resolveAsyncActionQuery`) over an
 * empty database owned by ct_owner (which may create `hdb_catalog`) and a real node:http handler: the mutation
 * returns an id, the processor calls the handler, the query returns output or errors, other sessions see null, two
 * runtimes on one database call each action once, close() stops polling, and a role without CREATE gets an
 * inconsistency while the rest is served — unless HASURA_GRAPHQL_METADATA_DATABASE_URL names a database where the log
 * can live (as in our compose file: the source as ct_engine through pgbouncer, the metadata database as the owner).
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let db: TestDb;
let handler: Server;
let base = '';
const calls: { path: string; body: Record<string, unknown> }[] = [];
const runtimes: Runtime[] = [];

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions: unknown }[] };

function metadata(): HasuraMetadata {
  const action = (name: string, path: string): NonNullable<HasuraMetadata['actions']>[number] => ({
    name,
    definition: {
      kind: 'asynchronous',
      type: 'mutation',
      handler: `${base}${path}`,
      arguments: [{ name: 'name', type: 'String!' }],
      output_type: 'Greeting',
      headers: [{ name: 'X-Conf', value: 'c' }],
      forward_client_headers: true,
    },
    permissions: [{ role: 'user' }],
  });
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
            select_permissions: [{ role: 'user', permission: { columns: ['id', 'label'], filter: {} } }],
          },
        ],
      },
    ],
    actions: [action('greet', '/ok'), action('greet_fail', '/fail'), action('greet_boom', '/boom')],
    custom_types: {
      objects: [
        {
          name: 'Greeting',
          fields: [
            { name: 'message', type: 'String!' },
            { name: 'item_id', type: 'Int' },
          ],
          relationships: [
            {
              name: 'item',
              type: 'object',
              remote_table: { schema: 'public', name: 'items' },
              field_mapping: { item_id: 'id' },
            },
          ],
        },
      ],
    },
  };
}

async function runtime(url: string, interval = '50'): Promise<Runtime> {
  const rt = await createRuntime({
    metadata: metadata(),
    databaseUrl: url,
    env: { HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL: interval },
  });
  runtimes.push(rt);
  return rt;
}

async function run(
  rt: Runtime,
  query: string,
  role = 'user',
  userId: string | null = '7',
  headers: Record<string, string> = {},
): Promise<Body> {
  const vars: Record<string, string> = userId === null ? {} : { 'x-hasura-user-id': userId };
  const res = await rt.execute({ query }, makeSession(role, vars), { headers });
  return JSON.parse(res.body) as Body;
}

async function poll(rt: Runtime, query: string, done: (b: Body) => boolean, role = 'user'): Promise<Body> {
  const until = Date.now() + 5000;
  for (;;) {
    const b = await run(rt, query, role);
    if (done(b) || Date.now() > until) return b;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const done = (x: Body): boolean => (x.data?.['greet'] as { output?: unknown } | null)?.output != null;

async function status(id: string): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: db.directUrl('postgres') });
  await c.connect();
  try {
    const r = await c.query<{ status: string }>('select status from hdb_catalog.hdb_action_log where id = $1', [id]);
    return r.rows[0]?.status;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  handler = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      calls.push({ path: req.url ?? '', body });
      const send = (code: number, json: unknown): void => {
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const input = body['input'] as { name: string };
      if (req.url === '/ok') send(200, { message: `hello ${input.name}`, item_id: 1 });
      else if (req.url === '/fail') send(400, { message: 'no such name', code: 'name-unknown' });
      else req.socket.destroy(); // '/boom': the handler crashes mid-request
    });
  });
  await new Promise<void>((r) => handler.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(handler.address() as AddressInfo).port}`;
  db = await emptyDatabase();
  const c = new pg.Client({ connectionString: db.directUrl('ct_owner') });
  await c.connect();
  await c.query(`create table items (id integer primary key, label text not null)`);
  await c.query(`insert into items values (1, 'first')`);
  await c.query(`grant select on items to ct_engine`);
  await c.end();
});

afterAll(async () => {
  for (const rt of runtimes) await rt.close().catch(() => undefined);
  await new Promise((r) => handler.close(r));
  await db?.drop();
});

describe('asynchronous actions', () => {
  it('has Hasura schema shape: mutation returns uuid!, query/subscription <action>(id: uuid!)', async () => {
    const rt = await runtime(db.directUrl('ct_owner'), '0');
    const s = rt.schemaFor('user');
    expect(String(s?.getMutationType()?.getFields()['greet']?.type)).toBe('uuid!');
    const q = s?.getQueryType()?.getFields()['greet'];
    expect(String(q?.type)).toBe('greet');
    expect(q?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['id: uuid!']);
    expect(s?.getSubscriptionType()?.getFields()['greet']).toBeDefined();
    const t = s?.getType('greet');
    expect(t?.description).toBe('fields of action: "greet"');
    const fields = (t as unknown as { getFields(): Record<string, { type: unknown }> }).getFields();
    expect(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v.type)]))).toEqual({
      created_at: 'timestamptz!',
      errors: 'json',
      id: 'uuid!',
      output: 'Greeting',
    });
    expect(rt.inconsistencies()).toEqual([]);
  });

  it('mutation returns an id; after the processor ran the query returns output (with a relationship)', async () => {
    const rt = await runtime(db.directUrl('ct_owner'));
    const m = await run(rt, `mutation { greet(name: "ann") }`, 'user', '7', { 'X-Client': 'yes' });
    const id = m.data?.['greet'] as string;
    expect(id).toMatch(UUID);
    const q = `{ greet(id: "${id}") { __typename id created_at errors output { message item { label } } } }`;
    const b = await poll(rt, q, (x) => (x.data?.['greet'] as { output?: unknown } | null)?.output != null);
    expect(b.data?.['greet']).toMatchObject({
      __typename: 'greet',
      id,
      errors: null,
      output: { message: 'hello ann', item: { label: 'first' } },
    });
    expect((b.data?.['greet'] as { created_at: string }).created_at).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const call = calls.find((c) => (c.body['input'] as { name: string }).name === 'ann');
    expect(call?.body).toMatchObject({
      action: { name: 'greet' },
      input: { name: 'ann' },
      session_variables: { 'x-hasura-role': 'user', 'x-hasura-user-id': '7' },
    });
    expect(await status(id)).toBe('completed');
  });

  it('a 4xx from the handler is stored in errors; a crashing handler does not crash the engine', async () => {
    const rt = await runtime(db.directUrl('ct_owner'));
    const fail = (await run(rt, `mutation { greet_fail(name: "x") }`)).data?.['greet_fail'] as string;
    const boom = (await run(rt, `mutation { greet_boom(name: "y") }`)).data?.['greet_boom'] as string;
    const f = await poll(
      rt,
      `{ greet_fail(id: "${fail}") { errors output { message } } }`,
      (x) => (x.data?.['greet_fail'] as { errors?: unknown } | null)?.errors != null,
    );
    expect(f.data?.['greet_fail']).toEqual({
      errors: { path: '$', error: 'no such name', code: 'name-unknown' },
      output: null,
    });
    const b = await poll(
      rt,
      `{ greet_boom(id: "${boom}") { errors } }`,
      (x) => (x.data?.['greet_boom'] as { errors?: unknown } | null)?.errors != null,
    );
    expect(b.data?.['greet_boom']).toEqual({
      errors: { path: '$', error: 'http exception when calling webhook', code: 'unexpected' },
    });
    expect(await status(boom)).toBe('error');
    // still serving
    expect((await run(rt, `{ items { label } }`)).data).toEqual({ items: [{ label: 'first' }] });
  });

  it("another user's session cannot read the result; admin can; an unknown id is an error", async () => {
    const rt = await runtime(db.directUrl('ct_owner'));
    const id = (await run(rt, `mutation { greet(name: "mine") }`)).data?.['greet'] as string;
    await poll(rt, `{ greet(id: "${id}") { output { message } } }`, done);
    expect(await run(rt, `{ greet(id: "${id}") { id } }`, 'user', '8')).toEqual({ data: { greet: null } });
    expect(await run(rt, `{ greet(id: "${id}") { id } }`, 'admin', null)).toEqual({ data: { greet: { id } } });
    const missing = await run(rt, `{ greet(id: "00000000-0000-0000-0000-000000000000") { id } }`);
    expect(missing.errors?.[0]?.message).toBe('database query error');
  });

  it('two runtimes on the same database process each action exactly once', async () => {
    const a = await runtime(db.directUrl('ct_owner'), '10');
    const b = await runtime(db.directUrl('ct_owner'), '10');
    const names = Array.from({ length: 30 }, (_, i) => `twin${i}`);
    const ids = await Promise.all(
      names.map(async (n, i) => {
        const r = await run(i % 2 ? a : b, `mutation { greet(name: "${n}") }`);
        return r.data?.['greet'] as string;
      }),
    );
    for (const id of ids) {
      await poll(a, `{ greet(id: "${id}") { output { message } } }`, done);
    }
    const counts = names.map((n) => calls.filter((c) => (c.body['input'] as { name: string }).name === n).length);
    expect(counts).toEqual(names.map(() => 1));
  });

  it('close() stops polling: a row created afterwards stays created', async () => {
    for (const r of runtimes.splice(0)) await r.close();
    const rt = await runtime(db.directUrl('ct_owner'), '20');
    const other = await runtime(db.directUrl('ct_owner'), '0'); // inserts only, never polls
    const before = (await run(other, `mutation { greet(name: "before-close") }`)).data?.['greet'] as string;
    await poll(other, `{ greet(id: "${before}") { output { message } } }`, done);
    expect(await status(before)).toBe('completed');
    await rt.close();
    const id = (await run(other, `mutation { greet(name: "after-close") }`)).data?.['greet'] as string;
    await new Promise((r) => setTimeout(r, 200));
    expect(await status(id)).toBe('created');
    expect(calls.some((c) => (c.body['input'] as { name: string }).name === 'after-close')).toBe(false);
  });

  it('a role that cannot create hdb_catalog gets an inconsistency and the rest is served', async () => {
    const fresh = await emptyDatabase();
    try {
      const c = new pg.Client({ connectionString: fresh.directUrl('ct_owner') });
      await c.connect();
      await c.query(`create table items (id integer primary key, label text not null)`);
      await c.query(`insert into items values (1, 'first')`);
      await c.query(`grant select on items to ct_engine`);
      await c.end();
      const rt = await createRuntime({ metadata: metadata(), databaseUrl: fresh.directUrl('ct_engine'), env: {} });
      try {
        const inc = rt.inconsistencies();
        expect(inc.map((i) => i.name).sort()).toEqual(['action greet', 'action greet_boom', 'action greet_fail']);
        expect(inc[0]?.reason).toMatch(/hdb_catalog\.hdb_action_log.*permission denied/);
        expect(rt.schemaFor('user')?.getMutationType()?.getFields()['greet']).toBeUndefined();
        expect((await run(rt, `{ items { label } }`)).data).toEqual({ items: [{ label: 'first' }] });
      } finally {
        await rt.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('with HASURA_GRAPHQL_METADATA_DATABASE_URL the log lives in the metadata database, not the source', async () => {
    const source = await emptyDatabase();
    const meta = await emptyDatabase();
    const hasLog = async (d: TestDb): Promise<boolean> => {
      const c = new pg.Client({ connectionString: d.directUrl('postgres') });
      await c.connect();
      try {
        const r = await c.query<{ t: string | null }>(`select to_regclass('hdb_catalog.hdb_action_log')::text as t`);
        return r.rows[0]?.t != null;
      } finally {
        await c.end();
      }
    };
    try {
      const c = new pg.Client({ connectionString: source.directUrl('ct_owner') });
      await c.connect();
      await c.query(`create table items (id integer primary key, label text not null)`);
      await c.query(`insert into items values (1, 'first')`);
      await c.query(`grant select on items to ct_engine`);
      await c.end();
      const rt = await createRuntime({
        metadata: metadata(),
        databaseUrl: source.directUrl('ct_engine'), // no CREATE here
        env: {
          HASURA_GRAPHQL_METADATA_DATABASE_URL: meta.directUrl('ct_owner'),
          HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL: '20',
        },
      });
      try {
        expect(rt.inconsistencies()).toEqual([]);
        const id = (await run(rt, `mutation { greet(name: "meta") }`)).data?.['greet'] as string;
        expect(id).toMatch(UUID);
        const b = await poll(rt, `{ greet(id: "${id}") { output { message item { label } } } }`, done);
        expect(b.data?.['greet']).toEqual({ output: { message: 'hello meta', item: { label: 'first' } } });
      } finally {
        await rt.close();
      }
      expect([await hasLog(meta), await hasLog(source)]).toEqual([true, false]);
    } finally {
      await source.drop();
      await meta.drop();
    }
  });

  it('an unreachable metadata database stops the start with a clear error (no password)', async () => {
    const e = (await createRuntime({
      metadata: metadata(),
      databaseUrl: db.directUrl('ct_owner'),
      env: { HASURA_GRAPHQL_METADATA_DATABASE_URL: 'postgres://ct_owner:pw-sekrit@127.0.0.1:1/x' },
    }).catch((err: unknown) => err)) as Error;
    expect(e.message).toBe(
      'cannot connect to the metadata database (HASURA_GRAPHQL_METADATA_DATABASE_URL): ECONNREFUSED',
    );
  });
});
